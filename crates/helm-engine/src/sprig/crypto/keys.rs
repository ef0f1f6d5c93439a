//! Private keys as sprig makes, writes and reads them: RSA (PKCS #1, "RSA
//! PRIVATE KEY"), ECDSA P-256 (SEC 1, "EC PRIVATE KEY") and Ed25519
//! (PKCS #8, "PRIVATE KEY"), as Go's `x509.Marshal…` functions write them.

use rand_core::{OsRng, RngCore};
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey, EncodeRsaPublicKey};
use rsa::signature::{SignatureEncoding, Signer};

use super::der::{self, tag};

/// `rsaEncryption`.
const RSA: &[u64] = &[1, 2, 840, 113_549, 1, 1, 1];
/// `sha256WithRSAEncryption`.
const RSA_SHA256: &[u64] = &[1, 2, 840, 113_549, 1, 1, 11];
/// `id-ecPublicKey`.
const EC: &[u64] = &[1, 2, 840, 10_045, 2, 1];
/// `prime256v1`, P-256.
const P256: &[u64] = &[1, 2, 840, 10_045, 3, 1, 7];
/// `ecdsa-with-SHA256`.
const ECDSA_SHA256: &[u64] = &[1, 2, 840, 10_045, 4, 3, 2];
/// `id-Ed25519`.
const ED25519: &[u64] = &[1, 3, 101, 112];

/// A private key of a kind sprig signs with.
pub(super) enum Key {
    Rsa(Box<rsa::RsaPrivateKey>),
    Ecdsa(p256::SecretKey),
    Ed25519(ed25519_dalek::SigningKey),
}

impl Key {
    /// A new RSA key of `bits` bits.
    pub(super) fn rsa(bits: usize) -> Result<Key, String> {
        rsa::RsaPrivateKey::new(&mut OsRng, bits)
            .map(|k| Key::Rsa(Box::new(k)))
            .map_err(|e| e.to_string())
    }

    /// A new P-256 key.
    pub(super) fn ecdsa() -> Key {
        Key::Ecdsa(p256::SecretKey::random(&mut OsRng))
    }

    /// A new Ed25519 key.
    pub(super) fn ed25519() -> Key {
        let mut seed = [0u8; 32];
        OsRng.fill_bytes(&mut seed);
        Key::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed))
    }

    /// The key as sprig's `pemBlockForKey` writes it.
    pub(super) fn to_pem(&self) -> Result<String, String> {
        Ok(match self {
            Key::Rsa(k) => der::pem(
                "RSA PRIVATE KEY",
                k.to_pkcs1_der().map_err(|e| e.to_string())?.as_bytes(),
            ),
            Key::Ecdsa(k) => der::pem("EC PRIVATE KEY", &sec1(k)),
            Key::Ed25519(k) => der::pem(
                "PRIVATE KEY",
                &der::seq(&[
                    &der::small_int(0),
                    &der::seq(&[&der::oid(ED25519)]),
                    &der::tlv(
                        tag::OCTET_STRING,
                        &der::tlv(tag::OCTET_STRING, k.as_bytes()),
                    ),
                ]),
            ),
        })
    }

    /// The DER `SubjectPublicKeyInfo` and the bytes of its public key
    /// (what Go hashes for a subject key identifier).
    pub(super) fn public_key_info(&self) -> Result<(Vec<u8>, Vec<u8>), String> {
        let (algorithm, key) = match self {
            Key::Rsa(k) => (
                der::seq(&[&der::oid(RSA), &der::tlv(tag::NULL, &[])]),
                k.to_public_key()
                    .to_pkcs1_der()
                    .map_err(|e| e.to_string())?
                    .as_bytes()
                    .to_vec(),
            ),
            Key::Ecdsa(k) => (der::seq(&[&der::oid(EC), &der::oid(P256)]), ec_point(k)),
            Key::Ed25519(k) => (
                der::seq(&[&der::oid(ED25519)]),
                k.verifying_key().as_bytes().to_vec(),
            ),
        };
        Ok((der::seq(&[&algorithm, &der::bit_string(&key)]), key))
    }

    /// The `AlgorithmIdentifier` of this key's signatures, as Go picks it:
    /// SHA-256 with RSA or ECDSA, pure Ed25519.
    pub(super) fn signature_algorithm(&self) -> Vec<u8> {
        match self {
            Key::Rsa(_) => der::seq(&[&der::oid(RSA_SHA256), &der::tlv(tag::NULL, &[])]),
            Key::Ecdsa(_) => der::seq(&[&der::oid(ECDSA_SHA256)]),
            Key::Ed25519(_) => der::seq(&[&der::oid(ED25519)]),
        }
    }

    /// Signs `message` (a DER `TBSCertificate`): the signature bytes.
    pub(super) fn sign(&self, message: &[u8]) -> Result<Vec<u8>, String> {
        Ok(match self {
            Key::Rsa(k) => rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new((**k).clone())
                .try_sign(message)
                .map_err(|e| e.to_string())?
                .to_vec(),
            Key::Ecdsa(k) => {
                let signer = p256::ecdsa::SigningKey::from(k.clone());
                let signature: p256::ecdsa::Signature =
                    signer.try_sign(message).map_err(|e| e.to_string())?;
                let (r, s) = signature.split_bytes();
                der::seq(&[&der::uint(&r), &der::uint(&s)])
            }
            Key::Ed25519(k) => k.sign(message).to_bytes().to_vec(),
        })
    }

    /// Reads a key as sprig's `parsePrivateKeyPEM` does, with its errors.
    pub(super) fn from_pem(text: &str) -> Result<Key, String> {
        let (kind, bytes) = der::pem_decode(text).ok_or("no PEM data in input")?;
        if kind == "PRIVATE KEY" {
            return pkcs8(&bytes).map_err(|e| format!("decoding PEM as PKCS#8: {e}"));
        }
        let Some(family) = kind.strip_suffix(" PRIVATE KEY") else {
            return Err(format!("no private key data in PEM block of type {kind}"));
        };
        match family {
            "RSA" => rsa::RsaPrivateKey::from_pkcs1_der(&bytes)
                .map(|k| Key::Rsa(Box::new(k)))
                .map_err(|e| format!("parsing RSA private key from PEM: {e}")),
            "EC" => from_sec1(&bytes).map_err(|e| format!("parsing EC private key from PEM: {e}")),
            "DSA" => Err(DSA_UNSUPPORTED.into()),
            _ => Err(format!("invalid private key type {kind}")),
        }
    }
}

/// Why DSA keys are refused.
pub(super) const DSA_UNSUPPORTED: &str =
    "DSA keys are not supported by chartgen's renderer (Go cannot sign certificates with them either)";

/// The uncompressed point of a P-256 key's public key.
fn ec_point(k: &p256::SecretKey) -> Vec<u8> {
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    k.public_key().to_encoded_point(false).as_bytes().to_vec()
}

/// `x509.MarshalECPrivateKey`: version 1, the scalar, the curve and the
/// public key.
fn sec1(k: &p256::SecretKey) -> Vec<u8> {
    der::seq(&[
        &der::small_int(1),
        &der::tlv(tag::OCTET_STRING, &k.to_bytes()),
        &der::context(0, true, &der::oid(P256)),
        &der::context(1, true, &der::bit_string(&ec_point(k))),
    ])
}

/// Reads a SEC 1 `ECPrivateKey` on P-256 (the only curve sprig makes).
fn from_sec1(bytes: &[u8]) -> Result<Key, String> {
    let (outer, _) = der::read(bytes)?;
    let parts = der::children(outer.content)?;
    let scalar = parts
        .iter()
        .find(|p| p.tag == tag::OCTET_STRING)
        .ok_or("x509: failed to parse EC private key")?;
    let curve = parts.iter().find(|p| p.tag == 0xa0);
    if let Some(curve) = curve {
        if curve.content != der::oid(P256).as_slice() {
            return Err("x509: unknown elliptic curve (chartgen supports P-256)".into());
        }
    }
    p256::SecretKey::from_slice(scalar.content)
        .map(Key::Ecdsa)
        .map_err(|_| "x509: failed to parse EC private key".to_string())
}

/// Reads a PKCS #8 `PrivateKeyInfo` holding an RSA, P-256 or Ed25519 key.
fn pkcs8(bytes: &[u8]) -> Result<Key, String> {
    let (outer, _) = der::read(bytes)?;
    let parts = der::children(outer.content)?;
    let [_, algorithm, key, ..] = parts.as_slice() else {
        return Err("x509: malformed PKCS#8 private key".into());
    };
    let algorithm = der::children(algorithm.content)?;
    let oid = algorithm.first().ok_or("x509: malformed algorithm")?.raw;
    if oid == der::oid(RSA).as_slice() {
        rsa::RsaPrivateKey::from_pkcs1_der(key.content)
            .map(|k| Key::Rsa(Box::new(k)))
            .map_err(|e| format!("x509: failed to parse RSA private key embedded in PKCS#8: {e}"))
    } else if oid == der::oid(EC).as_slice() {
        from_sec1(key.content)
    } else if oid == der::oid(ED25519).as_slice() {
        let (seed, _) = der::read(key.content)?;
        let seed: [u8; 32] = seed
            .content
            .try_into()
            .map_err(|_| "x509: invalid Ed25519 private key")?;
        Ok(Key::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed)))
    } else {
        Err("x509: PKCS#8 wrapping contained private key with unknown algorithm".into())
    }
}

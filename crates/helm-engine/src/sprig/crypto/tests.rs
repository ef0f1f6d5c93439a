//! The random results of the crypto functions, checked for their shape:
//! keys parse with the right size, certificates carry sprig's fields and
//! verify against their issuer, password hashes verify (Helm's too),
//! ciphertexts decrypt.

use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::signature::Verifier;

use super::der::{self, tag};
use super::keys::Key;
use crate::sprig::tests::direct;

/// Renders `src` with the functions called directly; panics on an error.
fn run(src: &str) -> String {
    direct::render(src, &direct::root("{}")).unwrap_or_else(|e| panic!("{src}: {e}"))
}

/// A certificate's parts, read back from its PEM.
struct Cert {
    tbs: Vec<u8>,
    algorithm: Vec<u8>,
    signature: Vec<u8>,
    issuer: Vec<u8>,
    subject: Vec<u8>,
    not_before: String,
    not_after: String,
    public_key_info: Vec<u8>,
    /// (OID, critical, value) of each extension, in order.
    extensions: Vec<(Vec<u8>, bool, Vec<u8>)>,
}

fn parse(pem: &str) -> Cert {
    let (kind, bytes) = der::pem_decode(pem).expect("a PEM block");
    assert_eq!(kind, "CERTIFICATE");
    let (cert, rest) = der::read(&bytes).unwrap();
    assert!(rest.is_empty());
    let [tbs, algorithm, signature] = der::children(cert.content).unwrap()[..] else {
        panic!("a certificate has three parts");
    };
    let fields = der::children(tbs.content).unwrap();
    assert_eq!(fields[0].raw, der::context(0, true, &der::small_int(2)));
    let serial = fields[1];
    assert_eq!(serial.tag, tag::INTEGER);
    assert!(serial.content.len() <= 17 && serial.content[0] & 0x80 == 0);
    assert_eq!(
        fields[2].raw, algorithm.raw,
        "the TBS names the signature algorithm"
    );
    let validity = der::children(fields[4].content).unwrap();
    let text = |e: &der::Element<'_>| String::from_utf8(e.content.to_vec()).unwrap();
    let (list, _) = der::read(fields[7].content).unwrap();
    let extensions = der::children(list.content)
        .unwrap()
        .iter()
        .map(|e| {
            let parts = der::children(e.content).unwrap();
            let critical = parts.len() == 3;
            let value = parts.last().unwrap().content.to_vec();
            (parts[0].raw.to_vec(), critical, value)
        })
        .collect();
    Cert {
        tbs: tbs.raw.to_vec(),
        algorithm: algorithm.raw.to_vec(),
        signature: signature.content[1..].to_vec(),
        issuer: fields[3].raw.to_vec(),
        subject: fields[5].raw.to_vec(),
        not_before: text(&validity[0]),
        not_after: text(&validity[1]),
        public_key_info: fields[6].raw.to_vec(),
        extensions,
    }
}

impl Cert {
    fn extension(&self, arcs: &[u64]) -> Option<(bool, Vec<u8>)> {
        let oid = der::oid(arcs);
        self.extensions
            .iter()
            .find(|(o, _, _)| *o == oid)
            .map(|(_, c, v)| (*c, v.clone()))
    }

    /// The public key bytes of the subject public key info.
    fn public_key(&self) -> (Vec<u8>, Vec<u8>) {
        let (spki, _) = der::read(&self.public_key_info).unwrap();
        let [algorithm, key] = der::children(spki.content).unwrap()[..] else {
            panic!("an SPKI has two parts");
        };
        (algorithm.raw.to_vec(), key.content[1..].to_vec())
    }

    /// Whether this certificate's signature verifies with `issuer`'s key.
    fn verifies_with(&self, issuer: &Cert) -> bool {
        let (algorithm, key) = issuer.public_key();
        if algorithm
            == der::seq(&[
                &der::oid(&[1, 2, 840, 113_549, 1, 1, 1]),
                &der::tlv(tag::NULL, &[]),
            ])
        {
            let key = rsa::RsaPublicKey::from_pkcs1_der(&key).unwrap();
            let verifier = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(key);
            let signature = rsa::pkcs1v15::Signature::try_from(self.signature.as_slice()).unwrap();
            verifier.verify(&self.tbs, &signature).is_ok()
        } else if algorithm.len() == 7 {
            let key: [u8; 32] = key.try_into().unwrap();
            let key = ed25519_dalek::VerifyingKey::from_bytes(&key).unwrap();
            let signature = ed25519_dalek::Signature::from_slice(&self.signature).unwrap();
            key.verify(&self.tbs, &signature).is_ok()
        } else {
            let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(&key).unwrap();
            let signature = p256::ecdsa::Signature::from_der(&self.signature).unwrap();
            key.verify(&self.tbs, &signature).is_ok()
        }
    }
}

/// `CN=name` as Go writes it.
fn cn(name: &str) -> Vec<u8> {
    let attribute = der::seq(&[
        &der::oid(&[2, 5, 4, 3]),
        &der::tlv(tag::PRINTABLE_STRING, name.as_bytes()),
    ]);
    der::seq(&[&der::tlv(tag::SET, &attribute)])
}

/// Days between two `UTCTime`s `YYMMDDhhmmssZ`, whole days only.
fn days_between(from: &str, to: &str) -> i64 {
    let day = |t: &str| {
        let n = |r: std::ops::Range<usize>| t[r].parse::<i64>().unwrap();
        let days =
            crate::sprig::time::days_from_civil(2000 + n(0..2), n(2..4) as u32, n(4..6) as u32);
        assert_eq!(&t[6..], &from[6..], "the same time of day");
        days
    };
    day(to) - day(from)
}

#[test]
fn a_ca_and_a_certificate_it_signs_have_sprigs_fields_and_verify() {
    let out = run(
        r#"{{ $ca := genCA "my-ca" 365 }}{{ $c := genSignedCert "svc" (list "10.0.0.1" "::1" "::ffff:1.2.3.4") (list "a.example" "b") 30 $ca }}{{ $ca.Cert }}|{{ $ca.Key }}|{{ $c.Cert }}|{{ $c.Key }}"#,
    );
    let [ca_pem, ca_key, cert_pem, cert_key] = out.split('|').collect::<Vec<_>>()[..] else {
        panic!("four parts: {out}");
    };
    let ca = parse(ca_pem);
    let cert = parse(cert_pem);

    assert_eq!(ca.subject, cn("my-ca"));
    assert_eq!(ca.issuer, ca.subject);
    assert!(ca.verifies_with(&ca), "the CA is self-signed");
    assert_eq!(days_between(&ca.not_before, &ca.not_after), 365);
    let (critical, usage) = ca.extension(&[2, 5, 29, 15]).unwrap();
    assert!(critical);
    assert_eq!(
        usage,
        [0x03, 0x02, 0x02, 0xa4],
        "digitalSignature, keyEncipherment, certSign"
    );
    assert_eq!(
        ca.extension(&[2, 5, 29, 19]).unwrap(),
        (true, der::seq(&[&der::tlv(tag::BOOLEAN, &[0xff])]))
    );
    let (_, skid) = ca.extension(&[2, 5, 29, 14]).unwrap();
    let (_, ca_public_key) = ca.public_key();
    assert_eq!(
        skid,
        der::tlv(
            tag::OCTET_STRING,
            &super::super::hash::sha256(&ca_public_key)[..20]
        )
    );

    assert_eq!(cert.subject, cn("svc"));
    assert_eq!(cert.issuer, ca.subject);
    assert!(
        cert.verifies_with(&ca),
        "the certificate verifies against its CA"
    );
    assert!(!cert.verifies_with(&cert));
    assert_eq!(days_between(&cert.not_before, &cert.not_after), 30);
    assert_eq!(
        cert.extension(&[2, 5, 29, 15]).unwrap().1,
        [0x03, 0x02, 0x05, 0xa0]
    );
    assert_eq!(
        cert.extension(&[2, 5, 29, 19]).unwrap(),
        (true, der::seq(&[]))
    );
    assert_eq!(
        cert.extension(&[2, 5, 29, 37]).unwrap().1,
        der::seq(&[
            &der::oid(&[1, 3, 6, 1, 5, 5, 7, 3, 1]),
            &der::oid(&[1, 3, 6, 1, 5, 5, 7, 3, 2])
        ])
    );
    assert!(
        cert.extension(&[2, 5, 29, 14]).is_none(),
        "Go gives only a CA a key id"
    );
    let skid_value = der::read(&skid[..]).unwrap().0.content.to_vec();
    assert_eq!(
        cert.extension(&[2, 5, 29, 35]).unwrap().1,
        der::seq(&[&der::context(0, false, &skid_value)])
    );
    let mut ipv6 = [0u8; 16];
    ipv6[15] = 1;
    let names = [
        der::context(2, false, b"a.example"),
        der::context(2, false, b"b"),
        der::context(7, false, &[10, 0, 0, 1]),
        der::context(7, false, &ipv6),
        der::context(7, false, &[1, 2, 3, 4]),
    ]
    .concat();
    assert_eq!(
        cert.extension(&[2, 5, 29, 17]).unwrap(),
        (false, der::tlv(tag::SEQUENCE, &names))
    );
    let order: Vec<Vec<u8>> = cert.extensions.iter().map(|e| e.0.clone()).collect();
    let want: Vec<Vec<u8>> = [
        &[2, 5, 29, 15],
        &[2, 5, 29, 37],
        &[2, 5, 29, 19],
        &[2, 5, 29, 35],
        &[2, 5, 29, 17],
    ]
    .iter()
    .map(|arcs| der::oid(&arcs[..]))
    .collect();
    assert_eq!(order, want, "Go's order of extensions");

    for key in [ca_key, cert_key] {
        assert!(key.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
        let Key::Rsa(k) = Key::from_pem(key).unwrap() else {
            panic!("an RSA key");
        };
        assert_eq!(rsa::traits::PublicKeyParts::size(&*k), 256, "2048 bits");
    }
}

#[test]
fn certificates_with_ecdsa_and_ed25519_keys_verify() {
    for kind in ["ecdsa", "ed25519"] {
        let out = run(&format!(
            r#"{{{{ $k := genPrivateKey "{kind}" }}}}{{{{ $ca := genCAWithKey "ca" 3 $k }}}}{{{{ $c := genSelfSignedCertWithKey "self" nil (list "x") 2 $k }}}}{{{{ $s := genSignedCertWithKey "leaf" nil nil 1 $ca $k }}}}{{{{ $ca.Cert }}}}|{{{{ $c.Cert }}}}|{{{{ $s.Cert }}}}|{{{{ eq $ca.Key $k }}}}"#
        ));
        let [ca, selfsigned, signed, same] = out.split('|').collect::<Vec<_>>()[..] else {
            panic!("{out}");
        };
        let (ca, selfsigned, signed) = (parse(ca), parse(selfsigned), parse(signed));
        assert!(ca.verifies_with(&ca), "{kind}");
        assert!(selfsigned.verifies_with(&selfsigned), "{kind}");
        assert!(signed.verifies_with(&ca), "{kind}");
        assert_eq!(same, "true");
        assert_eq!(
            ca.algorithm,
            Key::from_pem(&run(&format!(r#"{{{{ genPrivateKey "{kind}" }}}}"#)))
                .unwrap()
                .signature_algorithm()
        );
    }
}

#[test]
fn private_keys_have_gos_formats_and_sizes() {
    let ec = run(r#"{{ genPrivateKey "ecdsa" }}"#);
    assert!(
        ec.starts_with("-----BEGIN EC PRIVATE KEY-----\n")
            && ec.ends_with("-----END EC PRIVATE KEY-----\n")
    );
    let (_, der_bytes) = der::pem_decode(&ec).unwrap();
    assert_eq!(
        der_bytes.len(),
        121,
        "SEC 1 with curve and public key, as Go writes P-256 keys"
    );
    assert!(matches!(Key::from_pem(&ec), Ok(Key::Ecdsa(_))));

    let ed = run(r#"{{ genPrivateKey "ed25519" }}"#);
    assert!(ed.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    let (_, der_bytes) = der::pem_decode(&ed).unwrap();
    assert_eq!(der_bytes.len(), 48, "PKCS #8, as Go writes Ed25519 keys");
    assert!(matches!(Key::from_pem(&ed), Ok(Key::Ed25519(_))));

    let rsa_pem = run(r#"{{ genPrivateKey "rsa" }}"#);
    let Ok(Key::Rsa(k)) = Key::from_pem(&rsa_pem) else {
        panic!("an RSA key: {rsa_pem}");
    };
    assert_eq!(rsa::traits::PublicKeyParts::size(&*k), 512, "4096 bits");

    // Keys Helm made read back.
    let helm_ed = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIKedMP8jlIh67lnylIcAFtQopSbL1+w+NBypz6o3rL7t\n-----END PRIVATE KEY-----\n";
    let Ok(key @ Key::Ed25519(_)) = Key::from_pem(helm_ed) else {
        panic!("Helm's Ed25519 key reads");
    };
    assert_eq!(key.to_pem().unwrap(), helm_ed, "and writes back the same");
}

#[test]
fn password_hashes_verify_and_read_helms() {
    let hash = run(r#"{{ bcrypt "password" }}"#);
    assert!(hash.starts_with("$2a$10$") && hash.len() == 60, "{hash}");
    assert!(bcrypt::verify("password", &hash).unwrap());
    assert_ne!(hash, run(r#"{{ bcrypt "password" }}"#), "salted");
    let line = run(r#"{{ htpasswd "user" "pässword" }}"#);
    let (user, hash) = line.split_once(':').unwrap();
    assert_eq!(user, "user");
    assert!(bcrypt::verify("pässword", hash).unwrap());
    // Hashes Helm wrote.
    assert!(bcrypt::verify(
        "password",
        "$2a$10$bvb.vEKGMSBxoUQUSkfHD.kQxX/W/Chjdcr2C5vVO48HzqzZUSzjW"
    )
    .unwrap());
    assert!(bcrypt::verify(
        "a".repeat(72),
        "$2a$10$4QyP12yL67DRmupzhBKgKeGE9M6YNIGxmMI6BMHHvetSDWgZhSwvS"
    )
    .unwrap());
}

#[test]
fn aes_round_trips_and_is_salted() {
    for text in [
        "x",
        "exactly sixteen!",
        "héllo wörld, more than one block of text",
    ] {
        let src = format!(r#"{{{{ encryptAES "k" "{text}" }}}}"#);
        let crypt = run(&src);
        assert_ne!(crypt, run(&src), "a random IV");
        let bytes = crate::sprig::base64::decode_go(crypt.as_bytes()).unwrap();
        assert_eq!(
            bytes.len(),
            16 + (text.len() / 16 + 1) * 16,
            "IV and padded blocks"
        );
        assert_eq!(run(&format!(r#"{{{{ decryptAES "k" "{crypt}" }}}}"#)), text);
    }
}

#[test]
fn random_bytes_and_uuids_come_from_the_system() {
    let bytes = run("{{ randBytes 24 }}");
    assert_eq!(
        crate::sprig::base64::decode_go(bytes.as_bytes())
            .unwrap()
            .len(),
        24
    );
    assert_ne!(bytes, run("{{ randBytes 24 }}"));
}

//! X.509 certificates as sprig asks Go's `x509.CreateCertificate` for
//! them (`getBaseCertTemplate`): a random 128-bit serial, the common name
//! as the only subject field, valid from now for a number of days, key
//! usages for TLS servers and clients, and Go's extensions in Go's order.

use std::net::IpAddr;
use std::time::{SystemTime, UNIX_EPOCH};

use rand_core::{OsRng, RngCore};

use super::super::hash::sha256;
use super::super::time::civil_from_days;
use super::der::{self, tag};
use super::keys::Key;

/// What a certificate says about its subject.
pub(super) struct Template {
    pub cn: String,
    pub ips: Vec<IpAddr>,
    pub dns: Vec<String>,
    pub days: i64,
    pub is_ca: bool,
}

/// The certificate that signs another: its subject, its subject key
/// identifier and its key.
pub(super) struct Issuer {
    subject: Vec<u8>,
    public_key_info: Vec<u8>,
    key_id: Option<Vec<u8>>,
    pub key: Key,
}

const COMMON_NAME: &[u64] = &[2, 5, 4, 3];
const KEY_USAGE: &[u64] = &[2, 5, 29, 15];
const EXT_KEY_USAGE: &[u64] = &[2, 5, 29, 37];
const BASIC_CONSTRAINTS: &[u64] = &[2, 5, 29, 19];
const SUBJECT_KEY_ID: &[u64] = &[2, 5, 29, 14];
const AUTHORITY_KEY_ID: &[u64] = &[2, 5, 29, 35];
const SUBJECT_ALT_NAME: &[u64] = &[2, 5, 29, 17];
const SERVER_AUTH: &[u64] = &[1, 3, 6, 1, 5, 5, 7, 3, 1];
const CLIENT_AUTH: &[u64] = &[1, 3, 6, 1, 5, 5, 7, 3, 2];

/// Go's `PrintableString` alphabet (with `*`, as Go's marshaller allows).
fn is_printable(c: char) -> bool {
    c.is_ascii_alphanumeric() || " '()+,-./:=?*".contains(c)
}

/// `pkix.Name{CommonName: cn}` as Go marshals it; an empty name has no
/// attribute at all.
fn name(cn: &str) -> Vec<u8> {
    if cn.is_empty() {
        return der::seq(&[]);
    }
    let kind = if cn.chars().all(is_printable) {
        tag::PRINTABLE_STRING
    } else {
        tag::UTF8_STRING
    };
    let attribute = der::seq(&[&der::oid(COMMON_NAME), &der::tlv(kind, cn.as_bytes())]);
    der::seq(&[&der::tlv(tag::SET, &attribute)])
}

/// A time as Go writes it in a certificate: `UTCTime` from 1950 to 2049,
/// `GeneralizedTime` otherwise, to the second, in UTC.
fn time(unix: i64) -> Vec<u8> {
    let (year, month, day) = civil_from_days(unix.div_euclid(86_400));
    let secs = unix.rem_euclid(86_400);
    let clock = format!(
        "{month:02}{day:02}{:02}{:02}{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    );
    if (1950..2050).contains(&year) {
        der::tlv(
            tag::UTC_TIME,
            format!("{:02}{clock}", year.rem_euclid(100)).as_bytes(),
        )
    } else {
        der::tlv(
            tag::GENERALIZED_TIME,
            format!("{year:04}{clock}").as_bytes(),
        )
    }
}

/// An extension: its OID, criticality and DER value.
fn extension(id: &[u64], critical: bool, value: &[u8]) -> Vec<u8> {
    let oid = der::oid(id);
    let value = der::tlv(tag::OCTET_STRING, value);
    if critical {
        der::seq(&[&oid, &der::tlv(tag::BOOLEAN, &[0xff]), &value])
    } else {
        der::seq(&[&oid, &value])
    }
}

/// Go's subject key identifier (Go 1.25 and later): the first 160 bits of
/// the SHA-256 of the public key.
fn key_id(public_key: &[u8]) -> Vec<u8> {
    sha256(public_key)[..20].to_vec()
}

/// Creates a certificate for `template` with the public key of
/// `subject_key`, signed by `issuer` or, without one, by `subject_key`
/// itself: the PEM of the certificate.
pub(super) fn create(
    template: &Template,
    subject_key: &Key,
    issuer: Option<&Issuer>,
) -> Result<String, String> {
    let (public_key_info, public_key) = subject_key.public_key_info()?;
    let subject = name(&template.cn);
    let signer = issuer.map_or(subject_key, |i| &i.key);
    if let Some(issuer) = issuer {
        if issuer.key.public_key_info()?.0 != issuer.public_key_info {
            return Err("x509: provided PrivateKey doesn't match parent's PublicKey".into());
        }
    }
    let issuer_name = issuer.map_or(subject.clone(), |i| i.subject.clone());

    let mut serial = [0u8; 16];
    OsRng.fill_bytes(&mut serial);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    let not_after = now.saturating_add(template.days.saturating_mul(86_400));

    // keyUsage: digitalSignature, keyEncipherment, and keyCertSign for a CA.
    let key_usage = if template.is_ca {
        der::tlv(tag::BIT_STRING, &[0x02, 0xa4])
    } else {
        der::tlv(tag::BIT_STRING, &[0x05, 0xa0])
    };
    let mut extensions = vec![
        extension(KEY_USAGE, true, &key_usage),
        extension(
            EXT_KEY_USAGE,
            false,
            &der::seq(&[&der::oid(SERVER_AUTH), &der::oid(CLIENT_AUTH)]),
        ),
        extension(
            BASIC_CONSTRAINTS,
            true,
            &if template.is_ca {
                der::seq(&[&der::tlv(tag::BOOLEAN, &[0xff])])
            } else {
                der::seq(&[])
            },
        ),
    ];
    if template.is_ca {
        extensions.push(extension(
            SUBJECT_KEY_ID,
            false,
            &der::tlv(tag::OCTET_STRING, &key_id(&public_key)),
        ));
    }
    if let Some(id) = issuer
        .filter(|i| i.subject != subject)
        .and_then(|i| i.key_id.as_ref())
    {
        extensions.push(extension(
            AUTHORITY_KEY_ID,
            false,
            &der::seq(&[&der::context(0, false, id)]),
        ));
    }
    if !template.dns.is_empty() || !template.ips.is_empty() {
        let mut names = Vec::new();
        for dns in &template.dns {
            names.extend(der::context(2, false, dns.as_bytes()));
        }
        for ip in &template.ips {
            let bytes = match ip {
                IpAddr::V4(v4) => v4.octets().to_vec(),
                IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                    Some(v4) => v4.octets().to_vec(),
                    None => v6.octets().to_vec(),
                },
            };
            names.extend(der::context(7, false, &bytes));
        }
        // The names are critical when the subject is empty (RFC 5280).
        extensions.push(extension(
            SUBJECT_ALT_NAME,
            template.cn.is_empty(),
            &der::tlv(tag::SEQUENCE, &names),
        ));
    }

    let algorithm = signer.signature_algorithm();
    let tbs = der::seq(&[
        &der::context(0, true, &der::small_int(2)),
        &der::uint(&serial),
        &algorithm,
        &issuer_name,
        &der::seq(&[&time(now), &time(not_after)]),
        &subject,
        &public_key_info,
        &der::context(3, true, &der::tlv(tag::SEQUENCE, &extensions.concat())),
    ]);
    let signature = signer.sign(&tbs)?;
    let certificate = der::seq(&[&tbs, &algorithm, &der::bit_string(&signature)]);
    Ok(der::pem("CERTIFICATE", &certificate))
}

impl Issuer {
    /// The issuer a CA's certificate and key PEM describe, with sprig's
    /// errors.
    pub(super) fn from_pem(cert: &str, key: &str) -> Result<Issuer, String> {
        let (_, bytes) = der::pem_decode(cert).ok_or("unable to decode certificate")?;
        let parsed = parse(&bytes)
            .map_err(|e| format!("error parsing certificate: decodedSignerCert.Bytes: {e}"))?;
        let key = Key::from_pem(key).map_err(|e| format!("error parsing private key: {e}"))?;
        Ok(Issuer {
            subject: parsed.subject,
            public_key_info: parsed.public_key_info,
            key_id: parsed.key_id,
            key,
        })
    }
}

/// The parts of a certificate sprig's functions read.
pub(super) struct Parsed {
    pub subject: Vec<u8>,
    pub public_key_info: Vec<u8>,
    pub key_id: Option<Vec<u8>>,
}

/// Reads a DER certificate far enough to sign with it.
pub(super) fn parse(bytes: &[u8]) -> Result<Parsed, String> {
    let (certificate, _) = der::read(bytes)?;
    let parts = der::children(certificate.content)?;
    let tbs = parts
        .first()
        .filter(|t| t.tag == tag::SEQUENCE)
        .ok_or("x509: malformed certificate")?;
    let mut fields = der::children(tbs.content)?;
    if fields.first().is_some_and(|f| f.tag == 0xa0) {
        fields.remove(0);
    }
    // serial, signature, issuer, validity, subject, subjectPublicKeyInfo, …
    let [_, _, _, _, subject, public_key_info, rest @ ..] = fields.as_slice() else {
        return Err("x509: malformed tbs certificate".into());
    };
    let mut key_id = None;
    if let Some(extensions) = rest.iter().find(|f| f.tag == 0xa3) {
        let (list, _) = der::read(extensions.content)?;
        for ext in der::children(list.content)? {
            let parts = der::children(ext.content)?;
            if parts.first().map(|p| p.raw) == Some(der::oid(SUBJECT_KEY_ID).as_slice()) {
                if let Some(value) = parts.last() {
                    key_id = Some(der::read(value.content)?.0.content.to_vec());
                }
            }
        }
    }
    Ok(Parsed {
        subject: subject.raw.to_vec(),
        public_key_info: public_key_info.raw.to_vec(),
        key_id,
    })
}

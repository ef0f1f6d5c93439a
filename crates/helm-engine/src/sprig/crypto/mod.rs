//! sprig's `crypto.go`: keys, certificates, `bcrypt`/`htpasswd`,
//! `derivePassword` and `encryptAES`/`decryptAES`, with sprig's results
//! and errors. Random output cannot match Helm's byte for byte; its shape
//! does (PEM types, key sizes, certificate fields and extensions).

mod der;
mod keys;
mod x509;

#[cfg(test)]
mod tests;

use std::net::IpAddr;
use std::rc::Rc;

use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit};
use gotemplate::{Call, Object, Value};
use hmac::Mac;
use rand_core::{OsRng, RngCore};

use super::{base64, str_value, wrong_type, Result};
use keys::{Key, DSA_UNSUPPORTED};
use x509::{Issuer, Template};

/// A `sprig.certificate`: the PEM of a certificate and of its key, read in
/// templates as `.Cert` and `.Key`.
pub(super) struct Certificate {
    cert: String,
    key: String,
}

impl Object for Certificate {
    fn type_name(&self) -> &str {
        "sprig.certificate"
    }

    fn has_method(&self, _: &str) -> bool {
        false
    }

    fn call_method(&self, name: &str, _: &[Value]) -> Result<Value, String> {
        Err(format!(
            "can't evaluate field {name} in type sprig.certificate"
        ))
    }

    fn field(&self, name: &str) -> Option<Value> {
        match name {
            "Cert" => Some(str_value(self.cert.as_str())),
            "Key" => Some(str_value(self.key.as_str())),
            _ => None,
        }
    }

    fn write_v(&self, out: &mut String) {
        out.push('{');
        out.push_str(&self.cert);
        out.push(' ');
        out.push_str(&self.key);
        out.push('}');
    }
}

/// A `sprig.certificate` as the map of its fields that Go's encoders
/// write (`Cert`, `Key`; go-yaml v3 lowercases them); `None` for any
/// other value.
pub(crate) fn struct_fields(v: &Value, lower: bool) -> Option<gotemplate::Map> {
    let Value::Object(o) = v else { return None };
    if o.type_name() != "sprig.certificate" {
        return None;
    }
    let map = gotemplate::Map::new(gotemplate::MapKind::Any);
    for name in ["Cert", "Key"] {
        let key = if lower {
            name.to_lowercase()
        } else {
            name.to_string()
        };
        map.insert(key, o.field(name).unwrap_or_default());
    }
    Some(map)
}

fn certificate(cert: String, key: &Key) -> Result<Value, String> {
    Ok(Value::Object(Rc::new(Certificate {
        cert,
        key: key.to_pem()?,
    })))
}

/// A `certificate` parameter (`genSignedCert`'s CA).
fn certificate_param(c: &Call<'_>, i: usize) -> Result<(String, String)> {
    match c.arg(i) {
        Value::Object(o) if o.type_name() == "sprig.certificate" => {
            let text = |name| match o.field(name) {
                Some(Value::String(s)) => s.to_string(),
                _ => String::new(),
            };
            Ok((text("Cert"), text("Key")))
        }
        other => Err(wrong_type("sprig.certificate", other)),
    }
}

/// A `[]interface {}` parameter of strings (`ips`, `alternateDNS`); nil is
/// an empty list. `what` words sprig's error for an item not a string.
fn strings_param(c: &Call<'_>, i: usize, what: &str) -> Result<Vec<String>> {
    match c.arg(i) {
        Value::Nil => Ok(Vec::new()),
        Value::List(l) if l.kind() == gotemplate::ListKind::Any => l
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.to_string()),
                other => Err(c.fail(format!(
                    "{what}: {} is not a string",
                    super::govalue::go_sprint(other)?
                ))),
            })
            .collect(),
        other => Err(wrong_type("[]interface {}", other)),
    }
}

/// The template of `getBaseCertTemplate`, from the parameters at
/// `cn, ips, dns, days` (`ips`/`dns` absent for a CA).
fn template(c: &Call<'_>, at: [Option<usize>; 4], is_ca: bool) -> Result<Template> {
    let [cn, ips, dns, days] = at;
    let ips = match ips {
        Some(i) => strings_param(c, i, "error parsing ip")?
            .iter()
            .map(|s| {
                s.parse::<IpAddr>()
                    .map_err(|_| c.fail(format!("error parsing ip: {s}")))
            })
            .collect::<Result<_>>()?,
        None => Vec::new(),
    };
    let dns = match dns {
        Some(i) => strings_param(c, i, "error processing alternate dns name")?,
        None => Vec::new(),
    };
    Ok(Template {
        cn: c.str(cn.unwrap_or(0))?.to_string(),
        ips,
        dns,
        days: c.int(days.unwrap_or(1))?,
        is_ca,
    })
}

/// The key a `…WithKey` function is given, with sprig's error wording.
fn key_param(c: &Call<'_>, i: usize) -> Result<Key> {
    Key::from_pem(c.str(i)?).map_err(|e| c.fail(format!("parsing private key: {e}")))
}

/// A new RSA key of 2048 bits, as sprig's certificate functions make.
fn new_rsa(c: &Call<'_>) -> Result<Key> {
    Key::rsa(2048).map_err(|e| c.fail(format!("error generating rsa key: {e}")))
}

/// `genPrivateKey TYPE`: a PEM key of TYPE (`rsa` 4096 bits, `ecdsa`
/// P-256, `ed25519`); an unknown TYPE gives sprig's message as the result.
pub(super) fn gen_private_key(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    let key = match c.str(0)? {
        "" | "rsa" => Key::rsa(4096),
        "ecdsa" => Ok(Key::ecdsa()),
        "ed25519" => Ok(Key::ed25519()),
        "dsa" => return Err(c.fail(DSA_UNSUPPORTED)),
        other => return Ok(str_value(format!("Unknown type {other}"))),
    };
    let key = key.map_err(|e| c.fail(format!("failed to generate private key: {e}")))?;
    key.to_pem().map(str_value).map_err(|e| c.fail(e))
}

/// `genCA CN DAYS` and `genCAWithKey CN DAYS KEY`.
pub(super) fn gen_ca(c: &mut Call<'_>, with_key: bool) -> Result<Value> {
    c.arity(2 + usize::from(with_key))?;
    let template = template(c, [Some(0), None, None, Some(1)], true)?;
    let key = if with_key {
        key_param(c, 2)?
    } else {
        new_rsa(c)?
    };
    let cert = x509::create(&template, &key, None).map_err(|e| c.fail(e))?;
    certificate(cert, &key).map_err(|e| c.fail(e))
}

/// `genSelfSignedCert CN IPS DNS DAYS` and its `…WithKey` form.
pub(super) fn gen_self_signed_cert(c: &mut Call<'_>, with_key: bool) -> Result<Value> {
    c.arity(4 + usize::from(with_key))?;
    let template = template(c, [Some(0), Some(1), Some(2), Some(3)], false)?;
    let key = if with_key {
        key_param(c, 4)?
    } else {
        new_rsa(c)?
    };
    let cert = x509::create(&template, &key, None).map_err(|e| c.fail(e))?;
    certificate(cert, &key).map_err(|e| c.fail(e))
}

/// `genSignedCert CN IPS DNS DAYS CA` and its `…WithKey` form.
pub(super) fn gen_signed_cert(c: &mut Call<'_>, with_key: bool) -> Result<Value> {
    c.arity(5 + usize::from(with_key))?;
    let template = template(c, [Some(0), Some(1), Some(2), Some(3)], false)?;
    let (ca_cert, ca_key) = certificate_param(c, 4)?;
    let key = if with_key {
        key_param(c, 5)?
    } else {
        new_rsa(c)?
    };
    let issuer = Issuer::from_pem(&ca_cert, &ca_key).map_err(|e| c.fail(e))?;
    let cert = x509::create(&template, &key, Some(&issuer))
        .map_err(|e| c.fail(format!("error creating certificate: {e}")))?;
    certificate(cert, &key).map_err(|e| c.fail(e))
}

/// `buildCustomCert CERT_B64 KEY_B64`: a certificate value from base64
/// PEM texts, checked as sprig checks them.
pub(super) fn build_custom_cert(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let cert = base64::decode_go(c.str(0)?.as_bytes())
        .map_err(|_| c.fail("unable to decode base64 certificate"))?;
    let key = base64::decode_go(c.str(1)?.as_bytes())
        .map_err(|_| c.fail("unable to decode base64 private key"))?;
    let cert = String::from_utf8_lossy(&cert).into_owned();
    let key = String::from_utf8_lossy(&key).into_owned();
    let (_, der) = der::pem_decode(&cert).ok_or_else(|| c.fail("unable to decode certificate"))?;
    x509::parse(&der)
        .map_err(|e| c.fail(format!("error parsing certificate: decodedCert.Bytes: {e}")))?;
    Key::from_pem(&key).map_err(|e| c.fail(format!("error parsing private key: {e}")))?;
    Ok(Value::Object(Rc::new(Certificate { cert, key })))
}

/// Go's bcrypt with the default cost (10), `$2a$` form; sprig returns its
/// failure as the result text.
fn bcrypt_hash(password: &str) -> String {
    // golang.org/x/crypto/bcrypt refuses what it would truncate.
    if password.len() > 72 {
        return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes"
            .into();
    }
    let mut salt = [0u8; 16];
    OsRng.fill_bytes(&mut salt);
    match bcrypt::hash_with_salt(password, 10, salt) {
        Ok(parts) => parts.format_for_version(bcrypt::Version::TwoA),
        Err(e) => format!("failed to encrypt string with bcrypt: {e}"),
    }
}

/// `bcrypt S`.
pub(super) fn bcrypt(c: &mut Call<'_>) -> Result<Value> {
    c.arity(1)?;
    Ok(str_value(bcrypt_hash(c.str(0)?)))
}

/// `htpasswd USER PASSWORD`: an Apache `htpasswd` line with a bcrypt hash.
pub(super) fn htpasswd(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let user = c.str(0)?;
    if user.contains(':') {
        return Ok(str_value(format!("invalid username: {user}")));
    }
    Ok(str_value(format!("{user}:{}", bcrypt_hash(c.str(1)?))))
}

/// The character classes of the Master Password algorithm.
fn template_characters(class: u8) -> &'static [u8] {
    match class {
        b'V' => b"AEIOU",
        b'C' => b"BCDFGHJKLMNPQRSTVWXYZ",
        b'v' => b"aeiou",
        b'c' => b"bcdfghjklmnpqrstvwxyz",
        b'A' => b"AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        b'a' => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        b'n' => b"0123456789",
        b'o' => b"@&%?,=[]_:-+*$#!'^~;()/.",
        _ => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    }
}

/// The password templates of each password type.
fn password_templates(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "maximum" => &["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long" => &[
            "CvcvnoCvcvCvcv",
            "CvcvCvcvnoCvcv",
            "CvcvCvcvCvcvno",
            "CvccnoCvcvCvcv",
            "CvccCvcvnoCvcv",
            "CvccCvcvCvcvno",
            "CvcvnoCvccCvcv",
            "CvcvCvccnoCvcv",
            "CvcvCvccCvcvno",
            "CvcvnoCvcvCvcc",
            "CvcvCvcvnoCvcc",
            "CvcvCvcvCvccno",
            "CvccnoCvccCvcv",
            "CvccCvccnoCvcv",
            "CvccCvccCvcvno",
            "CvcvnoCvccCvcc",
            "CvcvCvccnoCvcc",
            "CvcvCvccCvccno",
            "CvccnoCvcvCvcc",
            "CvccCvcvnoCvcc",
            "CvccCvcvCvccno",
        ],
        "medium" => &["CvcnoCvc", "CvcCvcno"],
        "short" => &["Cvcn"],
        "basic" => &["aaanaaan", "aannaaan", "aaannaaa"],
        "pin" => &["nnnn"],
        _ => return None,
    })
}

/// `derivePassword COUNTER TYPE PASSWORD USER SITE`: the Master Password
/// algorithm (scrypt, then HMAC-SHA-256), deterministic.
pub(super) fn derive_password(c: &mut Call<'_>) -> Result<Value> {
    c.arity(5)?;
    let counter = match c.arg(0) {
        Value::Int(n) => u32::try_from(*n).map_err(|_| c.fail(format!("{n} overflows uint32")))?,
        other => return Err(wrong_type("uint32", other)),
    };
    let (kind, password, user, site) = (c.str(1)?, c.str(2)?, c.str(3)?, c.str(4)?);
    let Some(templates) = password_templates(kind) else {
        return Ok(str_value(format!("cannot find password template {kind}")));
    };
    const SEED: &[u8] = b"com.lyndir.masterpassword";
    let scoped = |name: &str| {
        let mut out = SEED.to_vec();
        out.extend_from_slice(&(name.len() as u32).to_be_bytes());
        out.extend_from_slice(name.as_bytes());
        out
    };
    let mut key = [0u8; 64];
    let params = scrypt::Params::new(15, 8, 2, 64).map_err(|e| c.fail(e.to_string()))?;
    scrypt::scrypt(password.as_bytes(), &scoped(user), &params, &mut key)
        .map_err(|e| c.fail(format!("failed to derive password: {e}")))?;
    let mut message = scoped(site);
    message.extend_from_slice(&counter.to_be_bytes());
    let mut mac = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(&key)
        .map_err(|e| c.fail(e.to_string()))?;
    mac.update(&message);
    let seed = mac.finalize().into_bytes();
    let template = templates[usize::from(seed[0]) % templates.len()];
    let out: String = template
        .bytes()
        .enumerate()
        .map(|(i, class)| {
            let chars = template_characters(class);
            char::from(chars[usize::from(seed[i + 1]) % chars.len()])
        })
        .collect();
    Ok(str_value(out))
}

/// sprig's AES key: the password's bytes in a zeroed 32-byte key (cut at
/// 32 bytes).
fn aes_key(password: &str) -> aes::Aes256 {
    let mut key = [0u8; 32];
    let bytes = password.as_bytes();
    let n = bytes.len().min(32);
    key[..n].copy_from_slice(&bytes[..n]);
    aes::Aes256::new(&key.into())
}

/// `encryptAES PASSWORD TEXT`: AES-256-CBC with a random IV and padding of
/// 1 to 16 bytes, base64 of IV and ciphertext; "" for an empty TEXT.
pub(super) fn encrypt_aes(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let text = c.str(1)?;
    if text.is_empty() {
        return Ok(str_value(""));
    }
    let cipher = aes_key(c.str(0)?);
    let padding = 16 - text.len() % 16;
    let mut content = text.as_bytes().to_vec();
    content.extend(std::iter::repeat_n(padding as u8, padding));
    let mut out = vec![0u8; 16];
    OsRng.fill_bytes(&mut out);
    let mut previous: [u8; 16] = out[..16].try_into().expect("16 bytes");
    for chunk in content.chunks(16) {
        let mut block = [0u8; 16];
        for (b, (p, x)) in block.iter_mut().zip(chunk.iter().zip(previous.iter())) {
            *b = p ^ x;
        }
        let mut block = block.into();
        cipher.encrypt_block(&mut block);
        previous = block.into();
        out.extend_from_slice(&previous);
    }
    Ok(str_value(base64::encode(&out)))
}

/// `decryptAES PASSWORD BASE64`: the reverse of `encryptAES`, with Go's
/// panics for malformed input as errors.
pub(super) fn decrypt_aes(c: &mut Call<'_>) -> Result<Value> {
    c.arity(2)?;
    let text = c.str(1)?;
    if text.is_empty() {
        return Ok(str_value(""));
    }
    let cipher = aes_key(c.str(0)?);
    let crypt = base64::decode_go(text.as_bytes())
        .map_err(|at| c.fail(format!("illegal base64 data at input byte {at}")))?;
    if crypt.len() < 16 {
        return Err(c.fail(format!(
            "runtime error: slice bounds out of range [:16] with capacity {}",
            crypt.len()
        )));
    }
    let (iv, body) = crypt.split_at(16);
    if body.len() % 16 != 0 {
        return Err(c.fail("crypto/cipher: input not full blocks"));
    }
    let mut previous: [u8; 16] = iv.try_into().expect("16 bytes");
    let mut plain = Vec::with_capacity(body.len());
    for chunk in body.chunks(16) {
        let mut block: [u8; 16] = chunk.try_into().expect("16 bytes");
        let saved = block;
        let mut b = block.into();
        cipher.decrypt_block(&mut b);
        block = b.into();
        plain.extend(block.iter().zip(previous.iter()).map(|(x, p)| x ^ p));
        previous = saved;
    }
    let Some(&last) = plain.last() else {
        return Err(c.fail("runtime error: index out of range [-1]"));
    };
    let keep = plain.len() as i64 - i64::from(last);
    if keep < 0 {
        return Err(c.fail(format!(
            "runtime error: slice bounds out of range [:{keep}]"
        )));
    }
    plain.truncate(keep as usize);
    Ok(str_value(String::from_utf8_lossy(&plain).into_owned()))
}

use serde_yaml::Value;

use crate::lint::{rule, Code, Manifest, Report};

use super::{key_field, named, scalar};

rule! {
    /// ## What it does
    /// Flags a secret kept in plain configuration: a ConfigMap key (`data` or
    /// `binaryData`), or a container `env` entry with a literal `value`, whose
    /// name looks like a secret, and any such value that is a URL with a
    /// password in it (`postgres://app:hunter2@db/app`). An `env` entry with
    /// `valueFrom` (a `secretKeyRef`) is fine; an entry with an empty or
    /// missing value is still flagged, because it invites someone to fill it in.
    ///
    /// A name looks like a secret by its words. It is split into words at
    /// `_`, `-`, `.`, lower-to-upper case changes (`dbPassword`) and between
    /// letters and digits, and compared case-insensitively, word by word:
    ///
    /// - a word `password`, `passwd`, `passphrase`, `secret`, `token`,
    ///   `apikey`, `privatekey`, `credential` or `credentials`, or the pairs
    ///   `api key` and `private key` (`DB_PASSWORD`, `clientSecret`,
    ///   `GITHUB_TOKEN`, `API_KEY_V2`);
    /// - `pass` or `pwd` as the last word after another (`SMTP_PASS`, `MYSQL_PWD`;
    ///   but not `PWD`, the working directory);
    /// - `key` as the last word after another, unless that one names a
    ///   non-secret kind of key: public, routing, sort, partition, primary,
    ///   foreign, cache, hash, shard, lookup, index, object, idempotency,
    ///   group, message, record (`SIGNING_KEY`, `tls.key`, `SECRET_ACCESS_KEY`
    ///   are flagged; `PUBLIC_KEY`, `ROUTING_KEY`, `KEYBOARD`, `MONKEY` and
    ///   `key_count` are not);
    /// - `id_rsa`, `id_ecdsa`, `id_ed25519`, `id_dsa`, the private halves of SSH keys.
    ///
    /// A name is not a secret when a word after the secret word says it is
    /// about one rather than one: where it is (`file`, `path`, `dir`, `url`,
    /// `uri`, `endpoint`, `host`, `mount`, `location`), what it is called
    /// (`name`, `ref`, `header`, `field`, `param`, `env`, `var`, `prefix`,
    /// `suffix`, `store`, `provider`, `backend`, `version`), or how it behaves
    /// (`length`, `len`, `min`, `max`, `limit`, `size`, `bytes`, `count`,
    /// `policy`, `pattern`, `regex`, `ttl`, `expiry`, `expires`, `expiration`,
    /// `lifetime`, `timeout`, `seconds`, `interval`, `rotation`, `type`,
    /// `mode`, `format`, `algorithm`, `issuer`, `audience`, `scope`,
    /// `enabled`, `disabled`, `required`). So `TOKEN_URL`, `PASSWORD_FILE`,
    /// `SECRET_NAME`, `JWT_TOKEN_TTL` and `PASSWORD_MIN_LENGTH` pass, while
    /// `SECRET_KEY_BASE` and `PASSWORD_HASH` do not. `MAX_TOKENS` and
    /// `TOKENIZER` pass: only the word `token` counts.
    ///
    /// Nor is a value a secret when it is only a pointer or a switch: an
    /// absolute file path (`/var/run/secrets/gcp/key.json`), a single
    /// `$(OTHER_VAR)` reference (Kubernetes fills it in from another variable,
    /// which may come from a Secret), or `true`/`false`/`yes`/`no`/`on`/`off`.
    ///
    /// ## Why it matters
    /// ConfigMaps and pod specs are readable by everyone who may read the
    /// namespace, are printed by `kubectl describe`, and end up in Git, in
    /// `helm get values` and in CI logs. Secrets have their own RBAC, can be
    /// encrypted at rest and can come from a vault; config stays in the
    /// environment, credentials in Secrets (design source: *Config*).
    ///
    /// ## Example
    /// ```yaml
    /// env:
    ///   - name: DB_PASSWORD          # flagged
    ///     value: hunter2
    ///   - name: DB_PASSWORD          # fine
    ///     valueFrom:
    ///       secretKeyRef: { name: app-db, key: password }
    ///   - name: DB_PASSWORD_FILE     # fine: a path to a mounted Secret
    ///     value: /var/run/secrets/db/password
    /// ```
    RULE = Code::SECRET_IN_PLAIN_CONFIG, "secret-in-plain-config", Error, check
}

fn check(manifests: &[Manifest], report: &mut Report) {
    for m in manifests {
        if m.kind() == "ConfigMap" {
            check_config_map(m, report);
        }
        for (field, container) in m.containers() {
            let container_name = container.get("name").and_then(Value::as_str).unwrap_or("");
            let env = container.get("env").and_then(Value::as_sequence);
            for (i, entry) in env.into_iter().flatten().enumerate() {
                let Some(name) = entry.get("name").and_then(Value::as_str) else {
                    continue;
                };
                if !entry.get("valueFrom").is_none_or(Value::is_null) {
                    continue;
                }
                let value = entry.get("value").and_then(scalar).unwrap_or_default();
                let field = format!("{field}.env[{i}]");
                let whose = format!("{} container `{container_name}`", named(m));
                let hint = "put it in a Secret and read it with \
                            env[].valueFrom.secretKeyRef (or envFrom[].secretRef)";
                if looks_secret(name) && (value.is_empty() || !harmless(&value)) {
                    let (field, what) = if value.is_empty() {
                        (field, "an empty literal value")
                    } else {
                        (format!("{field}.value"), "a literal value")
                    };
                    report.object(
                        m,
                        &field,
                        format!("{whose} sets secret-looking env `{name}` to {what}"),
                        hint,
                    );
                } else if has_url_password(&value) {
                    report.object(
                        m,
                        &format!("{field}.value"),
                        format!("{whose} sets env `{name}` to a URL with a password in it"),
                        format!(
                            "{hint}; or keep the URL and write the password as `$(VAR)`, \
                             where VAR is defined before `{name}` from a Secret"
                        ),
                    );
                }
            }
        }
    }
}

fn check_config_map(m: &Manifest, report: &mut Report) {
    let hint = "move the key to a Secret and mount or envFrom it from there; \
                keep only non-secret settings in the ConfigMap";
    for section in ["data", "binaryData"] {
        let entries = m.at(&[section]).as_mapping().into_iter().flatten();
        for (key, value) in entries {
            let Some(key) = scalar(key) else { continue };
            let text = scalar(value).unwrap_or_default();
            let field = key_field(section, &key);
            let binary = section == "binaryData";
            if looks_secret(&key) && (binary || text.is_empty() || !harmless(&text)) {
                report.object(
                    m,
                    &field,
                    format!("{} holds secret-looking key `{key}`", named(m)),
                    hint,
                );
            } else if !binary && has_url_password(&text) {
                report.object(
                    m,
                    &field,
                    format!("{} key `{key}` has a URL with a password in it", named(m)),
                    hint,
                );
            }
        }
    }
}

/// Words that make a name a secret wherever they stand.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "secret",
    "token",
    "apikey",
    "privatekey",
    "credential",
    "credentials",
];

/// Abbreviations that make a name a secret only as its last word, after another.
const SECRET_LAST_WORDS: &[&str] = &["pass", "pwd"];

/// Kinds of `…_KEY` that are not secrets.
const PLAIN_KEYS: &[&str] = &[
    "public",
    "routing",
    "sort",
    "partition",
    "primary",
    "foreign",
    "cache",
    "hash",
    "shard",
    "lookup",
    "index",
    "object",
    "idempotency",
    "group",
    "message",
    "record",
];

/// Words after a secret word that make the name about a secret, not one.
const ABOUT_WORDS: &[&str] = &[
    // where it is
    "file",
    "path",
    "dir",
    "directory",
    "url",
    "uri",
    "endpoint",
    "host",
    "mount",
    "location",
    // what it is called
    "name",
    "ref",
    "header",
    "field",
    "param",
    "env",
    "var",
    "prefix",
    "suffix",
    "store",
    "provider",
    "backend",
    "version",
    // how it behaves
    "length",
    "len",
    "min",
    "max",
    "limit",
    "size",
    "bytes",
    "count",
    "policy",
    "pattern",
    "regex",
    "ttl",
    "expiry",
    "expires",
    "expiration",
    "lifetime",
    "timeout",
    "seconds",
    "interval",
    "rotation",
    "type",
    "mode",
    "format",
    "algorithm",
    "issuer",
    "audience",
    "scope",
    "enabled",
    "disabled",
    "required",
];

/// Whether a variable or key name looks like it holds a secret (see the rule's doc).
fn looks_secret(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if ["id_rsa", "id_ecdsa", "id_ed25519", "id_dsa"]
        .iter()
        .any(|key| {
            lower == *key || lower.starts_with(&format!("{key}.")) && !lower.ends_with(".pub")
        })
    {
        return true;
    }
    let words = words(name);
    let n = words.len();
    let mut last_hit = None;
    for (i, word) in words.iter().enumerate() {
        let word = word.as_str();
        let prev = i.checked_sub(1).map(|p| words[p].as_str());
        let hit = SECRET_WORDS.contains(&word)
            || (word == "key" && matches!(prev, Some("api" | "private")))
            || (i == n - 1 && i > 0 && SECRET_LAST_WORDS.contains(&word))
            || (i == n - 1 && word == "key" && prev.is_some_and(|p| !PLAIN_KEYS.contains(&p)));
        if hit {
            last_hit = Some(i);
        }
    }
    last_hit.is_some_and(|hit| {
        !words[hit + 1..]
            .iter()
            .any(|w| ABOUT_WORDS.contains(&w.as_str()))
    })
}

/// The lower-case words of a name: split at `_`, `-`, `.` and other
/// punctuation, at lower-to-upper case changes (`dbPassword`, `APIKey`), and
/// between letters and digits.
fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        if let Some(&prev) = i.checked_sub(1).and_then(|p| chars.get(p)) {
            let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            let boundary = (c.is_ascii_uppercase()
                && (prev.is_ascii_lowercase()
                    || prev.is_ascii_digit()
                    || prev.is_ascii_uppercase() && next_lower))
                || (c.is_ascii_digit() != prev.is_ascii_digit() && prev.is_ascii_alphanumeric());
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
        word.push(c.to_ascii_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Whether a literal value is only a pointer to a secret or a switch: an
/// absolute file path, one `$(VAR)` reference, or a boolean word.
fn harmless(value: &str) -> bool {
    let v = value.trim();
    let path = v.starts_with('/') && !v.contains(char::is_whitespace);
    let reference = v.starts_with("$(")
        && v.ends_with(')')
        && v[2..v.len() - 1]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c));
    let switch = ["true", "false", "yes", "no", "on", "off"]
        .iter()
        .any(|w| v.eq_ignore_ascii_case(w));
    path || reference || switch
}

/// Whether `text` holds a URL whose user info carries a password, other
/// than a placeholder (`$(VAR)`, `${VAR}`, `<password>`, `%s`, `****`).
fn has_url_password(text: &str) -> bool {
    text.match_indices("://").any(|(at, _)| {
        let rest = &text[at + 3..];
        let end = rest
            .find(|c: char| "/?#\"'".contains(c) || c.is_whitespace())
            .unwrap_or(rest.len());
        let authority = &rest[..end];
        let Some((userinfo, _host)) = authority.rsplit_once('@') else {
            return false;
        };
        let Some((_user, password)) = userinfo.split_once(':') else {
            return false;
        };
        let placeholder = password.starts_with(['$', '{', '<'])
            || password == "%s"
            || password.chars().all(|c| c == '*');
        !password.is_empty() && !placeholder
    })
}

#[cfg(test)]
mod tests {
    use super::{has_url_password, looks_secret, words};

    #[test]
    fn splits_names_into_words() {
        assert_eq!(words("DB_PASSWORD"), ["db", "password"]);
        assert_eq!(words("dbPassword"), ["db", "password"]);
        assert_eq!(words("APIKey"), ["api", "key"]);
        assert_eq!(words("s3Key"), ["s", "3", "key"]);
        assert_eq!(words("tls.key"), ["tls", "key"]);
        assert_eq!(words("oauth2-token"), ["oauth", "2", "token"]);
    }

    #[test]
    fn secret_names() {
        for name in [
            "DB_PASSWORD",
            "dbPassword",
            "POSTGRES_PASSWD",
            "GITHUB_TOKEN",
            "clientSecret",
            "SECRET_KEY_BASE",
            "API_KEY",
            "apiKey",
            "API_KEY_V2",
            "APIKEY",
            "PRIVATE_KEY",
            "privateKey",
            "AWS_SECRET_ACCESS_KEY",
            "SIGNING_KEY",
            "tls.key",
            "ssh-key",
            "GOOGLE_APPLICATION_CREDENTIALS",
            "credentials.json",
            "SMTP_PASS",
            "MYSQL_PWD",
            "PASSWORD_HASH",
            "DB_PASSWORD2",
            "id_rsa",
            "VAULT_SECRET_ID",
        ] {
            assert!(looks_secret(name), "{name} should look secret");
        }
    }

    #[test]
    fn plain_names() {
        for name in [
            "LOG_LEVEL",
            "KEYBOARD",
            "MONKEY",
            "key_count",
            "CACHE_KEY_PREFIX",
            "PUBLIC_KEY",
            "jwt-public.key",
            "ROUTING_KEY",
            "PARTITION_KEY",
            "KEY",
            "TOKEN_URL",
            "OAUTH_TOKEN_ENDPOINT",
            "PASSWORD_FILE",
            "POSTGRES_PASSWORD_FILE",
            "SECRET_NAME",
            "JWT_TOKEN_TTL",
            "TOKEN_EXPIRY_SECONDS",
            "PASSWORD_MIN_LENGTH",
            "MAX_TOKENS",
            "TOKENIZER",
            "TOKENIZERS_PARALLELISM",
            "SECRETARY_EMAIL",
            "PWD",
            "BYPASS",
            "AWS_ACCESS_KEY_ID",
            "KEY_ID",
            "id_rsa.pub",
            "PRIVATE_KEY_PATH",
            "CSRF_TOKEN_HEADER",
        ] {
            assert!(!looks_secret(name), "{name} should not look secret");
        }
    }

    #[test]
    fn urls_with_passwords() {
        assert!(has_url_password("postgres://app:hunter2@db:5432/app"));
        assert!(has_url_password("redis://:s3cret@redis:6379/0"));
        assert!(has_url_password("url: amqp://u:p@q@rabbit/vhost\n"));
        assert!(!has_url_password("postgres://app@db:5432/app"));
        assert!(!has_url_password("postgres://app:$(DB_PASSWORD)@db/app"));
        assert!(!has_url_password("postgres://app:${DB_PASSWORD}@db/app"));
        assert!(!has_url_password("https://example.com:8443/x@y"));
        assert!(!has_url_password("http://user:@host/"));
    }
}

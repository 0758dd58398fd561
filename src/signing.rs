//! Ed25519 keys: loading them from a value, a file or an environment variable in the forms
//! people actually have, saving them (private key mode 0600), and constant-time comparison.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey};
use ed25519_dalek::{SigningKey, VerifyingKey};
use std::fmt;
use std::path::Path;

/// The private key file `telhook keygen` writes (mode 0600).
pub const PRIVATE_FILE: &str = "telnyx.key";
/// The public key file `telhook keygen` writes beside it.
pub const PUBLIC_FILE: &str = "telnyx.pub";

/// The 12-byte DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it.
pub const SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];

/// An Ed25519 private key. Its `Debug` is redacted so it can never reach a log.
///
/// Keys are parsed and derived with ed25519-dalek; signatures are made with AWS-LC (already in
/// the binary for TLS), whose assembly signs a 1.8 kB webhook in about 15 µs against dalek's
/// 25 µs on this machine. Ed25519 signing is deterministic (RFC 8032), so both give the same
/// bytes; a unit test holds them to it.
#[derive(Clone)]
pub struct PrivateKey {
    key: SigningKey,
    signer: std::sync::Arc<aws_lc_rs::signature::Ed25519KeyPair>,
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PrivateKey(<redacted>)")
    }
}

impl PrivateKey {
    /// A fresh key from the operating system's random source.
    pub fn generate() -> Self {
        let mut seed = [0u8; 32];
        rand::fill(&mut seed);
        PrivateKey::from_seed(&seed)
    }

    pub fn from_seed(seed: &[u8; 32]) -> Self {
        PrivateKey::from_signing_key(SigningKey::from_bytes(seed))
    }

    fn from_signing_key(key: SigningKey) -> Self {
        let signer = aws_lc_rs::signature::Ed25519KeyPair::from_seed_unchecked(&key.to_bytes())
            .expect("AWS-LC accepts every 32-byte Ed25519 seed");
        PrivateKey {
            key,
            signer: std::sync::Arc::new(signer),
        }
    }

    pub fn public(&self) -> PublicKey {
        PublicKey(self.key.verifying_key())
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        let mut out = [0u8; 64];
        out.copy_from_slice(self.signer.sign(message).as_ref());
        out
    }

    /// The text telhook writes to a private key file: a PKCS#8 PEM block (as `openssl genpkey
    /// -algorithm ed25519` writes), which cannot be mistaken for a public key, as a bare base64
    /// seed could (both are 32 bytes).
    pub fn to_file_text(&self) -> String {
        use ed25519_dalek::pkcs8::EncodePrivateKey;
        match self
            .key
            .to_pkcs8_pem(ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF)
        {
            Ok(pem) => pem.to_string(),
            // Encoding 32 bytes into a fixed structure does not fail; the seed form still reads.
            Err(_) => format!("{}\n", STANDARD.encode(self.key.to_bytes())),
        }
    }

    /// Are these 32 bytes this key's seed (a private key given as a public one)?
    pub fn has_seed(&self, bytes: &[u8; 32]) -> bool {
        ct_eq(&self.key.to_bytes(), bytes)
    }

    /// Parse a private key: base64 or hex of the 32-byte seed or of the 64-byte libsodium secret
    /// (seed followed by public key), or a PKCS#8 PEM block (`openssl genpkey -algorithm ed25519`).
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        let text = text.trim();
        if text.starts_with("-----BEGIN") {
            return SigningKey::from_pkcs8_pem(text)
                .map(PrivateKey::from_signing_key)
                .map_err(|e| {
                    KeyError::Private(format!(
                        "PEM block is not an Ed25519 PKCS#8 private key ({e})"
                    ))
                });
        }
        let bytes = decode_key_text(text).ok_or_else(|| {
            KeyError::Private(
                "not base64 or hex; expected the 32-byte seed or the 64-byte libsodium secret \
                 (as written by `telhook keygen`) or a PKCS#8 PEM block"
                    .to_string(),
            )
        })?;
        match bytes.len() {
            32 => {
                let mut seed = [0u8; 32];
                seed.copy_from_slice(&bytes);
                Ok(PrivateKey::from_seed(&seed))
            }
            64 => {
                let mut seed = [0u8; 32];
                seed.copy_from_slice(&bytes[..32]);
                let key = PrivateKey::from_seed(&seed);
                if key.public().to_bytes() != bytes[32..] {
                    return Err(KeyError::Private(
                        "64-byte secret whose last 32 bytes are not the public key of its first \
                         32 (a libsodium secret is seed + public key); signatures made with it \
                         would verify under neither key"
                            .to_string(),
                    ));
                }
                Ok(key)
            }
            n => Err(KeyError::Private(format!(
                "decodes to {n} bytes; an Ed25519 private key is a 32-byte seed or a 64-byte \
                 libsodium secret"
            ))),
        }
    }
}

/// An Ed25519 public key, in Telnyx's form: the raw 32 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.to_base64())
    }
}

impl PublicKey {
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// Standard padded base64 of the raw 32 bytes: what Mission Control shows.
    pub fn to_base64(&self) -> String {
        STANDARD.encode(self.0.to_bytes())
    }

    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, KeyError> {
        VerifyingKey::from_bytes(bytes)
            .map(PublicKey)
            .map_err(|_| KeyError::Public {
                form: "32 bytes that are not a valid Ed25519 point".to_string(),
                converted: None,
            })
    }

    /// Is `signature` a valid Ed25519 signature of `message` by this key?
    pub fn verifies(&self, message: &[u8], signature: &[u8; 64]) -> bool {
        let sig = ed25519_dalek::Signature::from_bytes(signature);
        self.0.verify_strict(message, &sig).is_ok()
    }

    /// Parse a public key in Telnyx's form (standard base64 of the raw 32 bytes). Other forms
    /// (SPKI/DER in base64, PEM, hex, base64url) are rejected, as every Telnyx SDK rejects them,
    /// with the name of the form found and, where it can be computed, the same key in the form
    /// Telnyx expects.
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        let text = text.trim();
        if text.starts_with("-----BEGIN") {
            let converted = VerifyingKey::from_public_key_pem(text)
                .ok()
                .map(|k| STANDARD.encode(k.to_bytes()));
            let form = if text.contains("PRIVATE KEY") {
                "a PEM private key (never give telhook's public-key options a private key)"
            } else {
                "a PEM block (SPKI public key)"
            };
            return Err(KeyError::Public {
                form: form.to_string(),
                converted,
            });
        }
        if is_hex(text) && text.len() == 128 {
            return Err(KeyError::Public {
                form: "hex of 64 bytes, which looks like a private key (libsodium secret), not a public key".to_string(),
                converted: None,
            });
        }
        if is_hex(text) && (text.len() == 64 || text.len() == 88) {
            let bytes = hex_decode(text).unwrap_or_default();
            // 32 raw bytes may as well be a private seed: only an SPKI structure is surely public,
            // so only then is the converted key printed.
            let converted = (bytes.len() == 44)
                .then(|| raw_from_maybe_spki(&bytes))
                .flatten()
                .map(|r| STANDARD.encode(r));
            return Err(KeyError::Public {
                form: format!("hex ({} characters)", text.len()),
                converted,
            });
        }
        if let Ok(bytes) = STANDARD.decode(text) {
            if bytes.len() == 32 {
                let mut raw = [0u8; 32];
                raw.copy_from_slice(&bytes);
                return PublicKey::from_bytes(&raw);
            }
            if bytes.len() == 44 && bytes.starts_with(&SPKI_PREFIX) {
                return Err(KeyError::Public {
                    form: "base64 of a 44-byte SPKI/DER structure".to_string(),
                    converted: Some(STANDARD.encode(&bytes[12..])),
                });
            }
            let form = if bytes.len() == 64 {
                "base64 of 64 bytes, which looks like a private key (libsodium secret), not a public key".to_string()
            } else {
                format!("base64 of {} bytes", bytes.len())
            };
            return Err(KeyError::Public {
                form,
                converted: None,
            });
        }
        let loose = URL_SAFE
            .decode(text)
            .or_else(|_| URL_SAFE_NO_PAD.decode(text))
            .or_else(|_| STANDARD_NO_PAD.decode(text));
        if let Ok(bytes) = loose {
            let form = if text.contains(['-', '_']) {
                "base64url (with `-` or `_`)"
            } else {
                "base64 without its `=` padding"
            };
            return Err(KeyError::Public {
                form: form.to_string(),
                converted: (bytes.len() == 44)
                    .then(|| raw_from_maybe_spki(&bytes))
                    .flatten()
                    .map(|r| STANDARD.encode(r)),
            });
        }
        Err(KeyError::Public {
            form: "not base64 or hex".to_string(),
            converted: None,
        })
    }

    /// Parse the bytes of a key file: text as in `parse`, or a binary DER SPKI file.
    pub fn parse_file_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
        if bytes.len() == 44 && bytes.starts_with(&SPKI_PREFIX) {
            return Err(KeyError::Public {
                form: format!("a binary file of {} bytes (DER)", bytes.len()),
                converted: raw_from_maybe_spki(bytes).map(|r| STANDARD.encode(r)),
            });
        }
        if bytes.len() == 32 {
            return Err(KeyError::Public {
                form: "a binary file of 32 raw bytes".to_string(),
                converted: None,
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => PublicKey::parse(text),
            Err(_) => Err(KeyError::Public {
                form: format!("a binary file of {} bytes", bytes.len()),
                converted: None,
            }),
        }
    }
}

fn raw_from_maybe_spki(bytes: &[u8]) -> Option<[u8; 32]> {
    let raw = match bytes.len() {
        32 => bytes,
        44 if bytes.starts_with(&SPKI_PREFIX) => &bytes[12..],
        _ => return None,
    };
    let mut out = [0u8; 32];
    out.copy_from_slice(raw);
    Some(out)
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum KeyError {
    #[error("{}", public_key_message(.form, .converted.as_deref()))]
    Public {
        form: String,
        converted: Option<String>,
    },
    #[error("private key: {0}")]
    Private(String),
}

fn public_key_message(form: &str, converted: Option<&str>) -> String {
    let mut msg = format!(
        "public key is {form}; Telnyx expects the raw 32-byte Ed25519 key in standard base64 \
         (44 characters ending in `=`), as shown in Mission Control under Keys & Credentials > \
         Public Key"
    );
    if let Some(c) = converted {
        msg.push_str(&format!("; this same key in that form is {c}"));
    }
    msg
}

fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

/// Decode key text that is hex (64 or 128 characters) or standard base64.
fn decode_key_text(text: &str) -> Option<Vec<u8>> {
    if is_hex(text) && (text.len() == 64 || text.len() == 128) {
        return hex_decode(text);
    }
    STANDARD.decode(text).ok()
}

/// A value that cannot be key text but reads as a path (so a missing file is reported as such).
pub fn looks_like_path(s: &str) -> bool {
    s.starts_with('.')
        || s.starts_with('~')
        || s.ends_with(".pub")
        || s.ends_with(".key")
        || s.ends_with(".pem")
        || (s.contains('/') && s.contains('.') && !s.ends_with('='))
}

/// A value long enough to be a key in one of the forms telhook reads or diagnoses (base64 or
/// hex of 32 or more bytes, a PEM block); anything shorter that is not a file is a missing file.
pub fn looks_like_key_text(s: &str) -> bool {
    s.starts_with("-----BEGIN") || s.len() >= 40
}

/// Write a file only the owner can read (mode 0600 on Unix), refusing to replace an existing one.
pub fn write_private_file(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()
}

/// Compare two secrets in time that depends only on their lengths, not on where they differ.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.ct_eq(b).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        hex_decode(s).unwrap()
    }

    /// RFC 8032 §7.1, tests 1, 2 and 3: secret key, public key, message, signature.
    const RFC8032: &[(&str, &str, &str, &str)] = &[
        (
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        ),
        (
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        ),
        (
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        ),
    ];

    #[test]
    fn rfc8032_known_answers() {
        for (sk, pk, msg, sig) in RFC8032 {
            let key = PrivateKey::parse(sk).unwrap();
            assert_eq!(key.public().to_bytes().to_vec(), hex(pk));
            let made = key.sign(&hex(msg));
            assert_eq!(made.to_vec(), hex(sig));
            assert!(key.public().verifies(&hex(msg), &made));
            let mut flipped = made;
            flipped[0] ^= 1;
            assert!(!key.public().verifies(&hex(msg), &flipped));
        }
    }

    #[test]
    fn aws_lc_signatures_are_byte_identical_to_dalek_signatures() {
        use ed25519_dalek::Signer;
        use rand::Rng;
        let mut rng = rand::rng();
        for len in [0usize, 1, 63, 64, 127, 128, 1818, 4096] {
            let mut seed = [0u8; 32];
            rng.fill(&mut seed);
            let key = PrivateKey::from_seed(&seed);
            let message: Vec<u8> = (0..len).map(|_| rng.random()).collect();
            let dalek = SigningKey::from_bytes(&seed).sign(&message).to_bytes();
            assert_eq!(key.sign(&message), dalek, "seed {seed:?}, {len} bytes");
        }
    }

    #[test]
    fn private_key_accepts_seed_and_libsodium_secret_in_base64_and_hex() {
        let (sk, pk, _, _) = RFC8032[0];
        let seed = hex(sk);
        let mut secret = seed.clone();
        secret.extend(hex(pk));
        for text in [
            STANDARD.encode(&seed),
            STANDARD.encode(&secret),
            sk.to_string(),
            format!("{sk}{pk}"),
        ] {
            let key = PrivateKey::parse(&text).unwrap();
            assert_eq!(key.public().to_bytes().to_vec(), hex(pk), "{text}");
        }
    }

    #[test]
    fn libsodium_secret_with_a_foreign_public_half_is_rejected() {
        let mut secret = hex(RFC8032[0].0);
        secret.extend(hex(RFC8032[1].1));
        let err = PrivateKey::parse(&STANDARD.encode(secret)).unwrap_err();
        assert!(
            err.to_string().contains("verify under neither key"),
            "{err}"
        );
    }

    #[test]
    fn private_key_from_pkcs8_pem() {
        // RFC 8410 §10.3 example private key.
        let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
        let key = PrivateKey::parse(pem).unwrap();
        assert_eq!(
            key.public().to_base64(),
            "Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="
        );
    }

    #[test]
    fn public_key_in_telnyx_form_is_accepted() {
        let b64 = STANDARD.encode(hex(RFC8032[0].1));
        assert_eq!(PublicKey::parse(&b64).unwrap().to_base64(), b64);
        assert_eq!(
            PublicKey::parse(&format!(" {b64}\n")).unwrap().to_base64(),
            b64
        );
    }

    #[test]
    fn public_key_in_other_forms_is_rejected_naming_the_form_and_converting() {
        let raw = hex(RFC8032[0].1);
        let telnyx = STANDARD.encode(&raw);
        let mut spki = SPKI_PREFIX.to_vec();
        spki.extend(&raw);
        let pem = format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
            STANDARD.encode(&spki)
        );
        let cases = [
            (
                STANDARD.encode(&spki),
                "base64 of a 44-byte SPKI/DER structure",
                true,
            ),
            (RFC8032[0].1.to_string(), "hex (64 characters)", false),
            (pem, "a PEM block (SPKI public key)", true),
            (
                STANDARD_NO_PAD.encode(&raw),
                "without its `=` padding",
                false,
            ),
            (URL_SAFE.encode(&raw), "base64url", false),
            (
                format!("{}{}", RFC8032[0].0, RFC8032[0].1),
                "looks like a private key",
                false,
            ),
        ];
        for (text, form, converted) in cases {
            let msg = PublicKey::parse(&text).unwrap_err().to_string();
            assert!(msg.contains(form), "{text}: {msg}");
            // 32 bare bytes may be a private seed, so only SPKI/PEM input is echoed converted
            let echoed = msg.contains(&format!("this same key in that form is {telnyx}"));
            assert_eq!(echoed, converted, "{msg}");
        }
        let msg = PublicKey::parse(&STANDARD.encode([1u8; 16]))
            .unwrap_err()
            .to_string();
        assert!(msg.contains("base64 of 16 bytes"), "{msg}");
        let msg = PublicKey::parse("not a key!").unwrap_err().to_string();
        assert!(msg.contains("not base64 or hex"), "{msg}");
    }

    #[test]
    fn binary_der_public_key_file_is_named_and_converted() {
        let raw = hex(RFC8032[0].1);
        let mut spki = SPKI_PREFIX.to_vec();
        spki.extend(&raw);
        let msg = PublicKey::parse_file_bytes(&spki).unwrap_err().to_string();
        assert!(msg.contains("a binary file of 44 bytes (DER)"), "{msg}");
        assert!(msg.contains(&STANDARD.encode(&raw)), "{msg}");
        let msg = PublicKey::parse_file_bytes(&raw).unwrap_err().to_string();
        assert!(msg.contains("a binary file of 32 raw bytes"), "{msg}");
        assert!(!msg.contains("same key"), "{msg}");
    }

    #[test]
    fn ct_eq_compares_whole_values() {
        assert!(ct_eq(b"user:pass", b"user:pass"));
        assert!(!ct_eq(b"user:pass", b"user:pasS"));
        assert!(!ct_eq(b"user:pass", b"user:pas"));
        assert!(ct_eq(b"", b""));
    }

    #[test]
    fn private_key_debug_is_redacted() {
        let key = PrivateKey::generate();
        assert_eq!(format!("{key:?}"), "PrivateKey(<redacted>)");
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_mode_0600_and_never_overwritten() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        write_private_file(&path, "secret").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(write_private_file(&path, "other").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "secret");
    }
}

//! HTTP Basic authentication as Bandwidth uses it for callbacks: the first request carries no
//! credentials, the endpoint answers 401 with a `WWW-Authenticate` challenge, and Bandwidth
//! repeats the request with `Authorization: Basic ...` (RFC 7235; docs/sources.md).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use std::fmt;

/// The challenge telhook's listener sends.
pub const CHALLENGE: &str = "Basic realm=\"telhook\"";

/// A user and password. `Debug` and `Display` never show the password.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user: String,
    password: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Credentials({}:<redacted>)", self.user)
    }
}

impl Credentials {
    /// Parse `USER:PASS` (the password may contain `:`).
    pub fn parse(s: &str) -> Result<Self, String> {
        let (user, password) = s
            .split_once(':')
            .ok_or_else(|| "expected USER:PASS (a colon between user and password)".to_string())?;
        if user.is_empty() {
            return Err("the user before `:` is empty".to_string());
        }
        Ok(Credentials {
            user: user.to_string(),
            password: password.to_string(),
        })
    }

    /// The `Authorization` header value.
    pub fn header_value(&self) -> String {
        format!(
            "Basic {}",
            STANDARD.encode(format!("{}:{}", self.user, self.password))
        )
    }
}

/// What an `Authorization` header says, compared with the expected credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Missing,
    NotBasic,
    Malformed,
    Wrong { user: String },
    Ok,
}

impl Check {
    pub fn reason(&self) -> &'static str {
        match self {
            Check::Missing => {
                "no Authorization header (Bandwidth sends credentials only after a 401 challenge)"
            }
            Check::NotBasic => "Authorization is not Basic",
            Check::Malformed => "Authorization Basic value is not base64 of USER:PASS",
            Check::Wrong { .. } => "wrong user or password",
            Check::Ok => "credentials match",
        }
    }
}

/// Check a request's `Authorization` header in constant time (for equal lengths).
pub fn check(header: Option<&str>, expected: &Credentials) -> Check {
    let Some(value) = header.map(str::trim).filter(|v| !v.is_empty()) else {
        return Check::Missing;
    };
    let Some((scheme, token)) = value.split_once(' ') else {
        return Check::NotBasic;
    };
    if !scheme.eq_ignore_ascii_case("basic") {
        return Check::NotBasic;
    }
    let Ok(decoded) = STANDARD.decode(token.trim()) else {
        return Check::Malformed;
    };
    let want = format!("{}:{}", expected.user, expected.password);
    if crate::signing::ct_eq(&decoded, want.as_bytes()) {
        Check::Ok
    } else {
        let user = String::from_utf8_lossy(&decoded)
            .split(':')
            .next()
            .unwrap_or_default()
            .to_string();
        Check::Wrong { user }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_user_and_password_with_colons() {
        let c = Credentials::parse("bw:pa:ss").unwrap();
        assert_eq!(c.user, "bw");
        assert_eq!(
            c.header_value(),
            format!("Basic {}", STANDARD.encode("bw:pa:ss"))
        );
        assert!(Credentials::parse("nocolon").is_err());
        assert!(Credentials::parse(":pass").is_err());
        assert_eq!(format!("{c:?}"), "Credentials(bw:<redacted>)");
    }

    #[test]
    fn checks_each_way_a_header_can_be_wrong() {
        let c = Credentials::parse("bw:secret").unwrap();
        assert_eq!(check(None, &c), Check::Missing);
        assert_eq!(check(Some("Bearer x"), &c), Check::NotBasic);
        assert_eq!(check(Some("Basic !!!"), &c), Check::Malformed);
        assert_eq!(
            check(
                Some(&Credentials::parse("bw:nope").unwrap().header_value()),
                &c
            ),
            Check::Wrong { user: "bw".into() }
        );
        assert_eq!(check(Some(&c.header_value()), &c), Check::Ok);
        assert_eq!(
            check(Some(&c.header_value().replace("Basic", "basic")), &c),
            Check::Ok
        );
    }
}

//! Where telhook's defaults come from, so that `telhook listen` in one terminal and `telhook send
//! telnyx message.received` in another find each other with nothing passed.
//!
//! Each setting is taken from the first of: a flag, an environment variable, a file `telhook
//! keygen` wrote in the working directory (keys only), the project file (`telhook.toml` in the
//! working directory), the user file (`$XDG_CONFIG_HOME/telhook/config.toml`), and a built-in
//! default. For keys the built-in default is the user's default key pair in the same directory,
//! made on first use by the commands that sign or listen (never by `verify`). Files may name the
//! environment variables that hold credentials, never the credentials themselves.

use anyhow::{Context as _, bail};
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::bandwidth::auth::Credentials;
use crate::signing::{self, PRIVATE_FILE, PUBLIC_FILE, PrivateKey, PublicKey};

/// The project file, read from the working directory.
pub const PROJECT_FILE: &str = "telhook.toml";
/// The user file, read from [`user_dir`].
pub const USER_FILE: &str = "config.toml";

/// `--to` from the environment.
pub const TO_ENV: &str = "TELHOOK_TO";
/// `--private-key` from the environment (a key or a key file).
pub const PRIVATE_KEY_ENV: &str = "TELHOOK_PRIVATE_KEY";
/// `--public-key` from the environment (a key or a key file); the name Telnyx's SDK examples use.
pub const PUBLIC_KEY_ENV: &str = crate::telnyx::PUBLIC_KEY_ENV;
/// `--basic-auth` from the environment (`USER:PASS`).
pub const BASIC_AUTH_ENV: &str = "TELHOOK_BASIC_AUTH";

/// Every environment variable telhook reads, with what it holds: for `--help`, the man page and
/// `telhook config`.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (TO_ENV, "the URL send and replay deliver to (--to)"),
    (
        PRIVATE_KEY_ENV,
        "the Telnyx private key, or its file, that send, replay and sign sign with (--private-key)",
    ),
    (
        PUBLIC_KEY_ENV,
        "the Telnyx public key, or its file, that listen and verify check with (--public-key)",
    ),
    (
        BASIC_AUTH_ENV,
        "Bandwidth credentials USER:PASS for send, replay and listen (--basic-auth)",
    ),
    (
        "XDG_CONFIG_HOME",
        "the configuration directory (default ~/.config): telhook/config.toml and the default key pair",
    ),
    ("HOME", "where ~/.config is, when XDG_CONFIG_HOME is unset"),
    (
        "NO_COLOR",
        "set and not empty: no colour (as --color never)",
    ),
    ("COLUMNS", "the width human output is fitted to"),
];

/// The address `telhook listen` serves by default: what `send` and `replay` deliver to unless
/// told otherwise.
pub fn default_url() -> String {
    format!(
        "http://{}:{}/",
        crate::receiver::DEFAULT_HOST,
        crate::receiver::DEFAULT_PORT
    )
}

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// A command-line flag.
    Flag { flag: &'static str },
    /// An environment variable (for credentials, possibly one a file named).
    Env { var: String },
    /// A key file `telhook keygen` wrote in the working directory.
    WorkingDir { path: PathBuf },
    /// `telhook.toml` in the working directory.
    ProjectFile { path: PathBuf },
    /// `config.toml` in the user's configuration directory.
    UserFile { path: PathBuf },
    /// The user's default key pair.
    DefaultPair { path: PathBuf, created: bool },
    /// telhook's own default.
    BuiltIn,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag { flag } => write!(f, "{flag}"),
            Source::Env { var } => write!(f, "${var}"),
            Source::WorkingDir { path } => {
                write!(
                    f,
                    "{} in this directory (from `telhook keygen`)",
                    path.display()
                )
            }
            Source::ProjectFile { path } | Source::UserFile { path } => {
                write!(f, "{}", path.display())
            }
            Source::DefaultPair { path, created } => {
                let dir = path.parent().unwrap_or(path);
                write!(f, "your default key pair in {}", dir.display())?;
                if *created {
                    write!(f, ", created now")?;
                }
                Ok(())
            }
            Source::BuiltIn => write!(f, "built-in"),
        }
    }
}

impl Source {
    /// A short name of the source, for a column.
    pub fn label(&self) -> String {
        match self {
            Source::WorkingDir { .. } => "this directory, from telhook keygen".to_string(),
            Source::DefaultPair { .. } => "your default key pair".to_string(),
            other => other.to_string(),
        }
    }

    /// Was the value given on this command line, rather than found (in the environment, a
    /// file, the default pair)? A found one is named when it is used.
    pub fn given(&self) -> bool {
        matches!(self, Source::Flag { .. })
    }
}

/// A setting's value and where it came from.
#[derive(Debug, Clone)]
pub struct Resolved<T> {
    pub value: T,
    pub source: Source,
    /// The file the value was read from, when it was (a key file).
    pub file: Option<PathBuf>,
}

/// The settings a project or user file may hold. Paths are relative to the file's directory.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    /// The URL `send` and `replay` deliver to.
    pub to: Option<String>,
    /// The Telnyx private key file that `send`, `replay` and `sign` sign with.
    pub private_key: Option<PathBuf>,
    /// The Telnyx public key file that `listen` and `verify` check with.
    pub public_key: Option<PathBuf>,
    /// The name of the environment variable holding Bandwidth's `USER:PASS`.
    pub basic_auth_env: Option<String>,
}

/// The keys a file may hold, for the error about an unknown one.
const FILE_KEYS: &[&str] = &["to", "private_key", "public_key", "basic_auth_env"];

/// One configuration file that exists, read.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub settings: FileSettings,
}

impl ConfigFile {
    /// Read and check a file; `Ok(None)` when it does not exist.
    pub fn read(path: &Path) -> anyhow::Result<Option<ConfigFile>> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(e).with_context(|| format!("reading {}", path.display()));
            }
        };
        let settings = parse_file(&text).map_err(|e| anyhow::anyhow!("{}{e}", path.display()))?;
        Ok(Some(ConfigFile {
            path: path.to_path_buf(),
            settings,
        }))
    }

    /// A path from the file, taken relative to the file's directory (`~/` is the home
    /// directory).
    fn resolve(&self, p: &Path) -> PathBuf {
        if let Ok(rest) = p.strip_prefix("~")
            && let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        {
            return Path::new(&home).join(rest);
        }
        match self.path.parent() {
            Some(dir) if p.is_relative() && !dir.as_os_str().is_empty() => dir.join(p),
            _ => p.to_path_buf(),
        }
    }
}

/// Parse a file's text; the error starts with `:LINE:COL: ` where it can point at one (the file
/// name goes in front of it).
fn parse_file(text: &str) -> Result<FileSettings, String> {
    let at = |span: Option<std::ops::Range<usize>>| {
        span.map(|s| {
            let before = &text[..s.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!(":{line}:{col}")
        })
        .unwrap_or_default()
    };
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        format!(
            "{}: {} (the file is TOML: key = \"value\" lines)",
            at(e.span()),
            e.message().trim()
        )
    })?;
    for (key, value) in &table {
        let secret = ["basic_auth", "password", "credentials", "secret"]
            .iter()
            .any(|s| key == s);
        if secret {
            return Err(format!(
                ": `{key}` would keep a secret in the file; put USER:PASS in an environment \
                 variable and name it with basic_auth_env = \"MY_VAR\""
            ));
        }
        if !FILE_KEYS.contains(&key.as_str()) {
            return Err(format!(
                ": unknown key `{key}` (known: {})",
                FILE_KEYS.join(", ")
            ));
        }
        if !value.is_str() {
            return Err(format!(": `{key}` must be a string, in quotes"));
        }
        if key == "basic_auth_env"
            && let Some(v) = value.as_str()
            && !is_variable_name(v)
        {
            // Not quoted: a value that is no variable name may be the credentials themselves.
            return Err(
                ": basic_auth_env must be the name of an environment variable (letters, \
                        digits and _, e.g. \"MY_BW_CREDENTIALS\"), never the credentials"
                    .to_string(),
            );
        }
    }
    let settings: FileSettings = table
        .try_into()
        .map_err(|e: toml::de::Error| format!(": {}", e.message().trim()))?;
    for (key, path) in [
        ("private_key", &settings.private_key),
        ("public_key", &settings.public_key),
    ] {
        if let Some(p) = path
            && signing::looks_like_key_text(&p.to_string_lossy())
            && !p.to_string_lossy().contains('.')
        {
            return Err(format!(
                ": `{key}` looks like a key itself; the file names a key file (e.g. \"keys/telnyx.key\"), never the key"
            ));
        }
    }
    Ok(settings)
}

/// `NAME`, `_NAME2`: what a shell takes as a variable name.
fn is_variable_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The user's configuration directory: `$XDG_CONFIG_HOME/telhook`, else `~/.config/telhook`.
fn user_dir_from(xdg: Option<String>, home: Option<String>) -> Option<PathBuf> {
    if let Some(x) = xdg.filter(|x| Path::new(x).is_absolute()) {
        return Some(Path::new(&x).join("telhook"));
    }
    home.filter(|h| !h.is_empty())
        .map(|h| Path::new(&h).join(".config").join("telhook"))
}

/// How the environment is read (a map in tests).
type EnvLookup = Box<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// What a run reads its defaults from: the working directory, the environment, and the files.
pub struct Defaults {
    cwd: PathBuf,
    env: EnvLookup,
    /// `telhook.toml` in the working directory, if it exists.
    pub project: Option<ConfigFile>,
    /// The user file, if it exists.
    pub user: Option<ConfigFile>,
    /// The user's configuration directory, if one can be found.
    pub user_dir: Option<PathBuf>,
}

impl fmt::Debug for Defaults {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Defaults")
            .field("cwd", &self.cwd)
            .field("project", &self.project)
            .field("user", &self.user)
            .field("user_dir", &self.user_dir)
            .finish_non_exhaustive()
    }
}

impl Defaults {
    /// The context of this process: its working directory, its environment and the files.
    pub fn load() -> anyhow::Result<Defaults> {
        Defaults::new(PathBuf::from("."), |var| std::env::var(var).ok())
    }

    /// A context over a directory and an environment lookup (tests pass a map).
    pub fn new(
        cwd: PathBuf,
        env: impl Fn(&str) -> Option<String> + Send + Sync + 'static,
    ) -> anyhow::Result<Defaults> {
        let user_dir = user_dir_from(env("XDG_CONFIG_HOME"), env("HOME"));
        let project_path = if cwd == Path::new(".") {
            PathBuf::from(PROJECT_FILE)
        } else {
            cwd.join(PROJECT_FILE)
        };
        let project = ConfigFile::read(&project_path)?;
        let user = match &user_dir {
            Some(d) => ConfigFile::read(&d.join(USER_FILE))?,
            None => None,
        };
        Ok(Defaults {
            cwd,
            env: Box::new(env),
            project,
            user,
            user_dir,
        })
    }

    fn var(&self, name: &str) -> Option<String> {
        (self.env)(name).filter(|v| !v.trim().is_empty())
    }

    /// The files in precedence order, each with its source.
    fn files(&self) -> impl Iterator<Item = (&ConfigFile, Source)> {
        let project = self.project.iter().map(|f| {
            (
                f,
                Source::ProjectFile {
                    path: f.path.clone(),
                },
            )
        });
        let user = self.user.iter().map(|f| {
            (
                f,
                Source::UserFile {
                    path: f.path.clone(),
                },
            )
        });
        project.chain(user)
    }

    fn in_cwd(&self, name: &str) -> PathBuf {
        if self.cwd == Path::new(".") {
            Path::new(".").join(name)
        } else {
            self.cwd.join(name)
        }
    }

    /// The URL to deliver to: `--to`, `$TELHOOK_TO`, a file's `to`, else `listen`'s default
    /// address, as given (a URL without a scheme is taken as `http://` when it is checked).
    pub fn to(&self, flag: Option<&str>) -> Resolved<String> {
        let (value, source) = if let Some(v) = flag {
            (v.to_string(), Source::Flag { flag: "--to" })
        } else if let Some(v) = self.var(TO_ENV) {
            (
                v,
                Source::Env {
                    var: TO_ENV.to_string(),
                },
            )
        } else if let Some((v, source)) = self
            .files()
            .find_map(|(f, s)| f.settings.to.clone().map(|v| (v, s)))
        {
            (v, source)
        } else {
            (default_url(), Source::BuiltIn)
        };
        Resolved {
            value,
            source,
            file: None,
        }
    }

    /// Bandwidth credentials: `--basic-auth`, `$TELHOOK_BASIC_AUTH`, or the variable a file
    /// names in `basic_auth_env`; `None` when none is set.
    pub fn basic_auth(
        &self,
        flag: Option<&Credentials>,
    ) -> anyhow::Result<Option<Resolved<Credentials>>> {
        if let Some(c) = flag {
            return Ok(Some(Resolved {
                value: c.clone(),
                source: Source::Flag {
                    flag: "--basic-auth",
                },
                file: None,
            }));
        }
        let from_var = |var: &str,
                        named_by: Option<&Path>|
         -> anyhow::Result<Option<Resolved<Credentials>>> {
            let Some(v) = self.var(var) else {
                if let Some(file) = named_by {
                    bail!(
                        "{}: basic_auth_env names ${var}, which is not set (export {var}=USER:PASS, or remove basic_auth_env)",
                        file.display()
                    );
                }
                return Ok(None);
            };
            let c = Credentials::parse(&v).map_err(|e| anyhow::anyhow!("${var}: {e}"))?;
            Ok(Some(Resolved {
                value: c,
                source: Source::Env {
                    var: var.to_string(),
                },
                file: named_by.map(Path::to_path_buf),
            }))
        };
        if let Some(found) = from_var(BASIC_AUTH_ENV, None)? {
            return Ok(Some(found));
        }
        if let Some(f) = self
            .files()
            .map(|(f, _)| f)
            .find(|f| f.settings.basic_auth_env.is_some())
            && let Some(var) = &f.settings.basic_auth_env
        {
            return from_var(var, Some(&f.path));
        }
        Ok(None)
    }

    /// Where a key would come from, before reading it: flag, environment, the working
    /// directory's key file, the files, else `None` (the default pair).
    fn key_candidate(
        &self,
        flag: Option<&str>,
        flag_name: &'static str,
        env_var: &'static str,
        cwd_file: &str,
        from_file: impl Fn(&FileSettings) -> Option<&PathBuf>,
    ) -> Option<(KeyInput, Source)> {
        if let Some(v) = flag {
            return Some((
                KeyInput::Text(v.to_string()),
                Source::Flag { flag: flag_name },
            ));
        }
        if let Some(v) = self.var(env_var) {
            return Some((
                KeyInput::Text(v),
                Source::Env {
                    var: env_var.to_string(),
                },
            ));
        }
        let local = self.in_cwd(cwd_file);
        if local.is_file() {
            return Some((
                KeyInput::File(local.clone()),
                Source::WorkingDir { path: local },
            ));
        }
        self.files().find_map(|(f, source)| {
            from_file(&f.settings).map(|p| (KeyInput::File(f.resolve(p)), source))
        })
    }

    /// The private key to sign with; the user's default pair (made now if it does not exist)
    /// when nothing else gives one.
    pub fn private_key(&self, flag: Option<&str>) -> anyhow::Result<Resolved<PrivateKey>> {
        if let Some((input, source)) =
            self.key_candidate(flag, "--private-key", PRIVATE_KEY_ENV, PRIVATE_FILE, |s| {
                s.private_key.as_ref()
            })
        {
            let (text, file) = input.read(&source)?;
            if let Some(path) = &file
                && path.extension().is_some_and(|e| e == "pub")
            {
                bail!(
                    "{} (from {source}) is a public key file; signing needs the private key (telnyx.key from `telhook keygen`)",
                    path.display()
                );
            }
            let key = PrivateKey::parse(&String::from_utf8_lossy(&text)).with_context(|| {
                format!("reading the private key from {}", described(&source, &file))
            })?;
            return Ok(Resolved {
                value: key,
                source,
                file,
            });
        }
        let pair = self.default_pair(true)?.context(
            "no configuration directory for the default key pair: set HOME or XDG_CONFIG_HOME, or pass --private-key",
        )?;
        Ok(Resolved {
            value: pair.key,
            source: Source::DefaultPair {
                path: pair.path.clone(),
                created: pair.created,
            },
            file: Some(pair.path),
        })
    }

    /// The public key to verify with; the user's default pair's when nothing else gives one
    /// (made now when `create`, else `None` if it does not exist).
    pub fn public_key(
        &self,
        flag: Option<&str>,
        create: bool,
    ) -> anyhow::Result<Option<Resolved<PublicKey>>> {
        let Some(found) = self.public_key_unparsed(flag, create)? else {
            return Ok(None);
        };
        let value = found.value.with_context(|| {
            format!(
                "reading the public key from {}",
                described(&found.source, &found.file)
            )
        })?;
        Ok(Some(Resolved {
            value,
            source: found.source,
            file: found.file,
        }))
    }

    /// As [`Defaults::public_key`], with a key that does not parse kept as its error (`verify`
    /// reports it as a reason, beside what else is wrong). A missing file or a private key file
    /// is still an error.
    pub fn public_key_unparsed(
        &self,
        flag: Option<&str>,
        create: bool,
    ) -> anyhow::Result<Option<Resolved<Result<PublicKey, signing::KeyError>>>> {
        if let Some((input, source)) =
            self.key_candidate(flag, "--public-key", PUBLIC_KEY_ENV, PUBLIC_FILE, |s| {
                s.public_key.as_ref()
            })
        {
            let (text, file) = input.read(&source)?;
            if let Some(path) = &file {
                refuse_private_as_public(path, &text, &source)?;
            }
            let value = PublicKey::parse_file_bytes(&text);
            if let Ok(k) = &value
                && let Some(private) = self.private_key_with_seed(&k.to_bytes())
            {
                bail!(
                    "{} holds a private key: the seed of {}; verifying needs its public half ({})",
                    described(&source, &file),
                    private.display(),
                    private.with_file_name(PUBLIC_FILE).display()
                );
            }
            return Ok(Some(Resolved {
                value,
                source,
                file,
            }));
        }
        let Some(pair) = self.default_pair(create)? else {
            return Ok(None);
        };
        let public = pair.path.with_file_name(PUBLIC_FILE);
        Ok(Some(Resolved {
            value: Ok(pair.key.public()),
            source: Source::DefaultPair {
                path: pair.path,
                created: pair.created,
            },
            file: Some(public),
        }))
    }

    /// Keys worth trying when a signature does not match, to name a wrong-key mix-up: the one
    /// in `$TELNYX_PUBLIC_KEY` when another was used, `./telnyx.pub` from `telhook keygen`,
    /// and the default pair's (none is made), each but the one `used`, with its name.
    pub fn other_public_keys(
        &self,
        source: &Source,
        used: Option<PublicKey>,
    ) -> Vec<(String, PublicKey)> {
        let mut out = Vec::new();
        if !matches!(source, Source::Env { .. })
            && let Some(text) = self.var(PUBLIC_KEY_ENV)
            && let Ok((bytes, _)) = KeyInput::Text(text).read(source)
            && let Ok(k) = PublicKey::parse_file_bytes(&bytes)
        {
            out.push((format!("the key in ${PUBLIC_KEY_ENV}"), k));
        }
        let local = self.in_cwd(PUBLIC_FILE);
        if let Ok(bytes) = std::fs::read(&local)
            && let Ok(k) = PublicKey::parse_file_bytes(&bytes)
        {
            out.push((format!("the key in {}", local.display()), k));
        }
        if let Ok(Some(pair)) = self.default_pair(false) {
            let dir = pair
                .path
                .parent()
                .unwrap_or(&pair.path)
                .display()
                .to_string();
            out.push((
                format!("your default key pair (in {dir})"),
                pair.key.public(),
            ));
        }
        out.retain(|(_, k)| Some(*k) != used);
        out
    }

    /// The private key file (`./telnyx.key`, the default pair) whose seed is these bytes: a
    /// private key given as a public one, which would otherwise verify nothing and be printed
    /// as if it were public.
    fn private_key_with_seed(&self, bytes: &[u8; 32]) -> Option<PathBuf> {
        [Some(self.in_cwd(PRIVATE_FILE)), self.default_pair_path()]
            .into_iter()
            .flatten()
            .find(|p| {
                std::fs::read_to_string(p)
                    .ok()
                    .and_then(|t| PrivateKey::parse(&t).ok())
                    .is_some_and(|k| k.has_seed(bytes))
            })
    }

    /// The default pair's private key file, whether or not it exists yet.
    pub fn default_pair_path(&self) -> Option<PathBuf> {
        self.user_dir.as_ref().map(|d| d.join(PRIVATE_FILE))
    }

    /// The user's default key pair: read, or made when `create` and it does not exist. Two
    /// processes making it at once end with the same key: each writes its own temporary file
    /// and links it into place, and the one that finds the name taken reads the winner's.
    pub fn default_pair(&self, create: bool) -> anyhow::Result<Option<DefaultPair>> {
        let Some(path) = self.default_pair_path() else {
            return Ok(None);
        };
        if let Some(key) = read_default_key(&path)? {
            return Ok(Some(DefaultPair {
                key,
                path,
                created: false,
            }));
        }
        if !create {
            return Ok(None);
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        create_private_dir(dir).with_context(|| {
            format!(
                "creating the configuration directory {} for your default key pair (set XDG_CONFIG_HOME to a writable directory, or pass the key with --private-key or --public-key)",
                dir.display()
            )
        })?;
        let key = PrivateKey::generate();
        let tmp = dir.join(format!(
            ".{PRIVATE_FILE}.{}.{:016x}",
            std::process::id(),
            rand::random::<u64>()
        ));
        if let Err(e) = signing::write_private_file(&tmp, &key.to_file_text()) {
            let _ = std::fs::remove_file(&tmp);
            return Err(e).with_context(|| format!("writing {}", tmp.display()));
        }
        let linked = std::fs::hard_link(&tmp, &path);
        let _ = std::fs::remove_file(&tmp);
        // Another process made it first: its key is the pair.
        let theirs = || -> anyhow::Result<(PrivateKey, bool)> {
            let key = read_default_key(&path)?
                .with_context(|| format!("{} vanished while it was being made", path.display()))?;
            Ok((key, false))
        };
        let exists = |e: &std::io::Error| e.kind() == std::io::ErrorKind::AlreadyExists;
        let (key, created) = match linked {
            Ok(()) => (key, true),
            Err(e) if exists(&e) => theirs()?,
            // A file system without hard links: create the file in place, still refusing to
            // replace one.
            Err(_) => match signing::write_private_file(&path, &key.to_file_text()) {
                Ok(()) => (key, true),
                Err(e) if exists(&e) => theirs()?,
                Err(e) => return Err(e).with_context(|| format!("writing {}", path.display())),
            },
        };
        write_public_file(&path.with_file_name(PUBLIC_FILE), &key.public())?;
        Ok(Some(DefaultPair { key, path, created }))
    }
}

/// One effective setting, as `telhook config` shows it: never a secret.
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    pub name: &'static str,
    /// The value, or where it is (a key file); `None` when nothing sets it.
    pub value: Option<String>,
    pub source: Option<Source>,
    /// More about it: a key's public half, whether the default pair exists yet, a user name.
    pub note: Option<String>,
}

impl Defaults {
    /// The effective settings with their sources, without making the default pair. A setting
    /// that cannot be read says why in its note.
    pub fn shown(&self) -> Vec<Shown> {
        let to = self.to(None);
        let mut out = vec![Shown {
            name: "to",
            value: Some(crate::ui::redact_url(&with_scheme(&to.value)).into_owned()),
            note: (to.source == Source::BuiltIn)
                .then(|| "where `telhook listen` listens".to_string()),
            source: Some(to.source),
        }];
        let pair = self.default_pair_path();
        // The default pair's file, before or after it is made.
        let default_pair = |name: &'static str, public: bool| match &pair {
            None => Shown {
                name,
                value: None,
                source: None,
                note: Some(
                    "no configuration directory for the default pair (set HOME or XDG_CONFIG_HOME)"
                        .to_string(),
                ),
            },
            Some(p) => Shown {
                name,
                value: Some(
                    if public {
                        p.with_file_name(PUBLIC_FILE)
                    } else {
                        p.clone()
                    }
                    .display()
                    .to_string(),
                ),
                source: Some(Source::DefaultPair {
                    path: p.clone(),
                    created: false,
                }),
                note: Some(match read_default_key(p) {
                    Ok(Some(k)) => format!("public key {}", k.public().to_base64()),
                    Ok(None) => "not made yet: send, replay, sign or listen make it on first use"
                        .to_string(),
                    Err(e) => format!("{e:#}"),
                }),
            },
        };
        // A key found elsewhere: its file (or where its text was given) and its public half.
        let found = |name: &'static str,
                     file: Option<PathBuf>,
                     source: Source,
                     public: Option<PublicKey>| {
            Shown {
                name,
                value: Some(file.map_or_else(
                    || format!("the key given in {source}"),
                    |f| f.display().to_string(),
                )),
                note: Some(public.map_or_else(
                    || "cannot be read as a key".to_string(),
                    |k| format!("public key {}", k.to_base64()),
                )),
                source: Some(source),
            }
        };
        let failed = |name: &'static str, e: anyhow::Error| Shown {
            name,
            value: None,
            source: None,
            note: Some(format!("{e:#}")),
        };
        let private =
            self.key_candidate(None, "--private-key", PRIVATE_KEY_ENV, PRIVATE_FILE, |s| {
                s.private_key.as_ref()
            });
        out.push(match private {
            None => default_pair("private_key", false),
            Some((input, source)) => match input.read(&source) {
                Ok((bytes, file)) => {
                    let half = PrivateKey::parse(&String::from_utf8_lossy(&bytes))
                        .ok()
                        .map(|k| k.public());
                    found("private_key", file, source, half)
                }
                Err(e) => failed("private_key", e),
            },
        });
        // The public key as listen and verify take it: a private key given in its place is
        // refused there, and so never shown here as if it were public.
        out.push(match self.public_key_unparsed(None, false) {
            Ok(Some(r)) => found("public_key", r.file, r.source, r.value.ok()),
            Ok(None) => default_pair("public_key", true),
            Err(e) => failed("public_key", e),
        });
        out.push(match self.basic_auth(None) {
            Ok(Some(c)) => Shown {
                name: "basic_auth",
                value: Some(format!("user {} (password hidden)", c.value.user)),
                source: Some(c.source),
                note: c
                    .file
                    .map(|f| format!("variable named by basic_auth_env in {}", f.display())),
            },
            Ok(None) => Shown {
                name: "basic_auth",
                value: None,
                source: None,
                note: Some(format!(
                    "none: set {BASIC_AUTH_ENV}=USER:PASS, or name a variable with basic_auth_env"
                )),
            },
            Err(e) => Shown {
                name: "basic_auth",
                value: None,
                source: None,
                note: Some(e.to_string()),
            },
        });
        out
    }

    /// The configuration files telhook looks for, and whether each exists.
    pub fn files_looked_at(&self) -> Vec<(PathBuf, bool)> {
        let project = if self.cwd == Path::new(".") {
            PathBuf::from(PROJECT_FILE)
        } else {
            self.cwd.join(PROJECT_FILE)
        };
        let mut out = vec![(project, self.project.is_some())];
        if let Some(d) = &self.user_dir {
            out.push((d.join(USER_FILE), self.user.is_some()));
        }
        out
    }
}

/// The user's default key pair.
#[derive(Debug)]
pub struct DefaultPair {
    pub key: PrivateKey,
    /// Its private key file.
    pub path: PathBuf,
    /// Made by this call.
    pub created: bool,
}

/// A key given as text (a key, or the path of a file holding one) or a file found.
enum KeyInput {
    Text(String),
    File(PathBuf),
}

impl KeyInput {
    /// The key's bytes, and the file they came from.
    fn read(self, source: &Source) -> anyhow::Result<(Vec<u8>, Option<PathBuf>)> {
        match self {
            KeyInput::File(path) => {
                let text = std::fs::read(&path).map_err(|e| key_file_error(&path, source, &e))?;
                Ok((text, Some(path)))
            }
            KeyInput::Text(v) => {
                let t = v.trim();
                let path = Path::new(t);
                if path.is_file() {
                    let text = std::fs::read(path).map_err(|e| key_file_error(path, source, &e))?;
                    return Ok((text, Some(path.to_path_buf())));
                }
                if signing::looks_like_path(t) {
                    let e = std::fs::metadata(path)
                        .err()
                        .unwrap_or_else(|| std::io::Error::other("not a file"));
                    return Err(key_file_error(path, source, &e));
                }
                if !signing::looks_like_key_text(t) {
                    // Neither a file nor long enough for a key. It may be part of one (a cut
                    // paste), so it is not repeated.
                    bail!(
                        "{source}: no such file, and its {} characters are too few for a key (make a key pair with `telhook keygen`, or give the whole key)",
                        t.chars().count()
                    );
                }
                Ok((v.into_bytes(), None))
            }
        }
    }
}

fn key_file_error(path: &Path, source: &Source, e: &std::io::Error) -> anyhow::Error {
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    };
    anyhow::anyhow!(
        "reading key file {} given by {source}: {why} (make a key pair with `telhook keygen`, or give the key itself)",
        path.display()
    )
}

fn described(source: &Source, file: &Option<PathBuf>) -> String {
    match (source, file) {
        (Source::Flag { .. } | Source::Env { .. }, Some(p)) => {
            format!("{source} (file {})", p.display())
        }
        _ => source.to_string(),
    }
}

/// A private key file given where a public key belongs: by its name (`*.key`, keygen's private
/// file), or because a `telnyx.pub` beside it holds the public half of it.
fn refuse_private_as_public(path: &Path, text: &[u8], source: &Source) -> anyhow::Result<()> {
    let sibling = path.with_file_name(PUBLIC_FILE);
    let by_name = path.extension().is_some_and(|e| e == "key");
    let by_sibling = sibling != path
        && PrivateKey::parse(&String::from_utf8_lossy(text)).is_ok_and(|k| {
            std::fs::read(&sibling)
                .ok()
                .and_then(|b| PublicKey::parse_file_bytes(&b).ok())
                .is_some_and(|p| p == k.public())
        });
    if by_name || by_sibling {
        let hint = if sibling.is_file() {
            format!("give its public half, {}", sibling.display())
        } else {
            "give the public key (telnyx.pub from `telhook keygen`)".to_string()
        };
        bail!(
            "{} (from {source}) is a private key file; verifying needs the public key: {hint}",
            path.display()
        );
    }
    Ok(())
}

/// Read the default pair's private key; `None` if the file does not exist.
fn read_default_key(path: &Path) -> anyhow::Result<Option<PrivateKey>> {
    match std::fs::read_to_string(path) {
        Ok(text) => PrivateKey::parse(&text).map(Some).with_context(|| {
            format!(
                "reading your default private key {} (delete it and its telnyx.pub to make a new pair, or pass --private-key)",
                path.display()
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

/// The public half beside the private key, replaced whole (a reader never sees half a file).
fn write_public_file(path: &Path, key: &PublicKey) -> anyhow::Result<()> {
    let tmp = path.with_file_name(format!(
        ".{PUBLIC_FILE}.{}.{:016x}",
        std::process::id(),
        rand::random::<u64>()
    ));
    std::fs::write(&tmp, format!("{}\n", key.to_base64()))
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
        .with_context(|| format!("writing {}", path.display()))
}

/// A directory only its owner can enter (0700), with its parents.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// `localhost:5000/webhooks` means `http://localhost:5000/webhooks`; a port alone (`5000`,
/// `:5000`) means that port on this machine, where `telhook listen` is.
pub fn with_scheme(url: &str) -> String {
    let url = url.trim();
    let port = url.strip_prefix(':').unwrap_or(url);
    if !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()) {
        return format!("http://{}:{port}/", crate::receiver::DEFAULT_HOST);
    }
    if url.contains("://") {
        url.to_string()
    } else {
        format!("http://{url}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn context(dir: &Path, env: &[(&str, &str)]) -> Defaults {
        let map: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Defaults::new(dir.to_path_buf(), move |k| map.get(k).cloned()).unwrap()
    }

    fn home(dir: &Path) -> String {
        dir.join("home").display().to_string()
    }

    #[test]
    fn the_url_follows_flag_env_project_user_builtin() {
        let dir = tempfile::tempdir().unwrap();
        let h = home(dir.path());
        let user_dir = dir.path().join("home/.config/telhook");
        std::fs::create_dir_all(&user_dir).unwrap();
        let c = context(dir.path(), &[("HOME", &h)]);
        assert_eq!(c.to(None).value, "http://127.0.0.1:5000/");
        assert_eq!(c.to(None).source, Source::BuiltIn);
        std::fs::write(user_dir.join(USER_FILE), "to = \"u.example/x\"\n").unwrap();
        let c = context(dir.path(), &[("HOME", &h)]);
        assert_eq!(c.to(None).value, "u.example/x");
        assert!(matches!(c.to(None).source, Source::UserFile { .. }));
        std::fs::write(dir.path().join(PROJECT_FILE), "to = \"https://p/\"\n").unwrap();
        let c = context(dir.path(), &[("HOME", &h)]);
        assert_eq!(c.to(None).value, "https://p/");
        assert!(matches!(c.to(None).source, Source::ProjectFile { .. }));
        let c = context(dir.path(), &[("HOME", &h), (TO_ENV, "http://e/")]);
        assert_eq!(c.to(None).value, "http://e/");
        assert_eq!(
            with_scheme(&c.to(Some("localhost:9/w")).value),
            "http://localhost:9/w"
        );
        assert_eq!(with_scheme("5000"), "http://127.0.0.1:5000/");
        assert_eq!(with_scheme(":5001"), "http://127.0.0.1:5001/");
        assert_eq!(with_scheme("https://h/"), "https://h/");
        assert_eq!(
            c.to(Some("localhost:9/w")).source,
            Source::Flag { flag: "--to" }
        );
    }

    #[test]
    fn files_refuse_secrets_unknown_keys_and_bad_toml_with_a_position() {
        assert_eq!(
            parse_file("to = \"x\"\nbasic_auth_env = \"BW\"\n").unwrap(),
            FileSettings {
                to: Some("x".into()),
                basic_auth_env: Some("BW".into()),
                ..FileSettings::default()
            }
        );
        let e = parse_file("basic_auth = \"u:p\"").unwrap_err();
        assert!(e.contains("basic_auth_env"), "{e}");
        assert!(!e.contains("u:p"), "{e}");
        let e = parse_file("tp = \"x\"").unwrap_err();
        assert!(e.contains("unknown key `tp`"), "{e}");
        let e = parse_file("to = \"x\"\nport = = 3\n").unwrap_err();
        assert!(e.starts_with(":2:"), "{e}");
        let e = parse_file("basic_auth_env = \"bw:hunter2\"").unwrap_err();
        assert!(e.contains("name of an environment variable"), "{e}");
        assert!(!e.contains("hunter2"), "{e}");
        let e = parse_file("to = 5").unwrap_err();
        assert!(e.contains("must be a string"), "{e}");
        let e = parse_file("private_key = \"nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=\"")
            .unwrap_err();
        assert!(e.contains("looks like a key itself"), "{e}");
    }

    #[test]
    fn keys_follow_flag_env_cwd_project_user_default_pair() {
        let dir = tempfile::tempdir().unwrap();
        let h = home(dir.path());
        let key = |seed: u8| PrivateKey::from_seed(&[seed; 32]);
        let write_key = |p: &Path, k: &PrivateKey| {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, k.to_file_text()).unwrap();
        };
        // Nothing: the default pair, made once, then the same one.
        let c = context(dir.path(), &[("HOME", &h)]);
        assert!(c.public_key(None, false).unwrap().is_none());
        let first = c.private_key(None).unwrap();
        assert!(matches!(
            first.source,
            Source::DefaultPair { created: true, .. }
        ));
        let again = c.private_key(None).unwrap();
        assert!(matches!(
            again.source,
            Source::DefaultPair { created: false, .. }
        ));
        assert_eq!(first.value.public(), again.value.public());
        let public = c.public_key(None, false).unwrap().unwrap();
        assert_eq!(public.value, first.value.public());
        let pub_file =
            std::fs::read_to_string(dir.path().join("home/.config/telhook/telnyx.pub")).unwrap();
        assert_eq!(pub_file.trim(), first.value.public().to_base64());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(
                mode(&dir.path().join("home/.config/telhook/telnyx.key")),
                0o600
            );
            assert_eq!(mode(&dir.path().join("home/.config/telhook")), 0o700);
        }
        // The user file, then the project file, then ./telnyx.key win in turn.
        write_key(&dir.path().join("home/.config/telhook/u.key"), &key(1));
        std::fs::write(
            dir.path().join("home/.config/telhook/config.toml"),
            "private_key = \"u.key\"\n",
        )
        .unwrap();
        let c = context(dir.path(), &[("HOME", &h)]);
        assert_eq!(c.private_key(None).unwrap().value.public(), key(1).public());
        write_key(&dir.path().join("keys/p.key"), &key(2));
        std::fs::write(
            dir.path().join(PROJECT_FILE),
            "private_key = \"keys/p.key\"\n",
        )
        .unwrap();
        let c = context(dir.path(), &[("HOME", &h)]);
        assert_eq!(c.private_key(None).unwrap().value.public(), key(2).public());
        write_key(&dir.path().join("telnyx.key"), &key(3));
        let c = context(dir.path(), &[("HOME", &h)]);
        let r = c.private_key(None).unwrap();
        assert_eq!(r.value.public(), key(3).public());
        assert!(matches!(r.source, Source::WorkingDir { .. }));
        // The environment, then the flag.
        let k4 = STANDARD_SEED(4);
        let c = context(dir.path(), &[("HOME", &h), (PRIVATE_KEY_ENV, &k4)]);
        assert_eq!(c.private_key(None).unwrap().value.public(), key(4).public());
        let k5 = STANDARD_SEED(5);
        assert_eq!(
            c.private_key(Some(&k5)).unwrap().value.public(),
            key(5).public()
        );
    }

    #[allow(non_snake_case)]
    fn STANDARD_SEED(seed: u8) -> String {
        PrivateKey::from_seed(&[seed; 32])
            .to_file_text()
            .trim()
            .to_string()
    }

    #[test]
    fn a_private_key_file_given_as_the_public_key_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let k = PrivateKey::from_seed(&[7; 32]);
        std::fs::write(dir.path().join("telnyx.key"), k.to_file_text()).unwrap();
        std::fs::write(dir.path().join("mine"), k.to_file_text()).unwrap();
        std::fs::write(
            dir.path().join("telnyx.pub"),
            format!("{}\n", k.public().to_base64()),
        )
        .unwrap();
        let c = context(dir.path(), &[]);
        let flag = dir.path().join("telnyx.key").display().to_string();
        let e = c.public_key(Some(&flag), false).unwrap_err().to_string();
        assert!(e.contains("is a private key file"), "{e}");
        assert!(e.contains("telnyx.pub"), "{e}");
        // No telling name, but its public half lies beside it.
        let flag = dir.path().join("mine").display().to_string();
        let e = c.public_key(Some(&flag), false).unwrap_err().to_string();
        assert!(e.contains("is a private key file"), "{e}");
    }

    #[test]
    fn a_missing_key_file_says_no_such_file() {
        let dir = tempfile::tempdir().unwrap();
        let c = context(dir.path(), &[]);
        for name in ["keys/none.key", "./x"] {
            let e = format!("{:#}", c.private_key(Some(name)).unwrap_err());
            assert!(e.contains("no such file"), "{name}: {e}");
            assert!(e.contains(name), "{name}: {e}");
        }
        // A bare word may be part of a key (a cut paste): said to be no file, not repeated.
        for name in ["nosuchfile", "qAr/e6h/umJUJuCaOhCPryf5L1iKw368rlJUTsd"] {
            let e = format!("{:#}", c.private_key(Some(name)).unwrap_err());
            assert!(e.contains("no such file"), "{name}: {e}");
            assert!(!e.contains(name), "{name}: {e}");
        }
    }

    #[test]
    fn credentials_come_from_the_variable_a_file_names_and_never_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(PROJECT_FILE),
            "basic_auth_env = \"MY_BW\"\n",
        )
        .unwrap();
        let c = context(dir.path(), &[]);
        let e = c.basic_auth(None).unwrap_err().to_string();
        assert!(e.contains("$MY_BW, which is not set"), "{e}");
        let c = context(dir.path(), &[("MY_BW", "bw:pw")]);
        let r = c.basic_auth(None).unwrap().unwrap();
        assert_eq!(r.value.user, "bw");
        assert_eq!(
            r.source,
            Source::Env {
                var: "MY_BW".into()
            }
        );
        let c = context(dir.path(), &[("MY_BW", "bw:pw"), (BASIC_AUTH_ENV, "a:b")]);
        assert_eq!(c.basic_auth(None).unwrap().unwrap().value.user, "a");
        let c = context(dir.path(), &[(BASIC_AUTH_ENV, "nocolon")]);
        let e = c.basic_auth(None).unwrap_err().to_string();
        assert!(!e.contains("nocolon"), "{e}");
    }

    #[test]
    fn shown_settings_never_hold_a_secret_and_make_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let h = home(dir.path());
        let secret = STANDARD_SEED(9);
        let c = context(
            dir.path(),
            &[
                ("HOME", &h),
                (PRIVATE_KEY_ENV, &secret),
                (BASIC_AUTH_ENV, "bw:hunter2"),
            ],
        );
        let shown = c.shown();
        let text = format!("{shown:?}");
        assert!(!text.contains(&secret), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains("user bw (password hidden)"), "{text}");
        let public = shown.iter().find(|s| s.name == "public_key").unwrap();
        assert!(
            public.note.as_deref().unwrap().contains("not made yet"),
            "{public:?}"
        );
        assert!(
            !dir.path().join("home/.config/telhook").exists(),
            "nothing made"
        );
        let private = shown.iter().find(|s| s.name == "private_key").unwrap();
        assert_eq!(
            private.note.as_deref(),
            Some(
                format!(
                    "public key {}",
                    PrivateKey::from_seed(&[9; 32]).public().to_base64()
                )
                .as_str()
            )
        );
    }

    #[test]
    fn without_a_home_there_is_no_default_pair() {
        let dir = tempfile::tempdir().unwrap();
        let c = context(dir.path(), &[]);
        assert!(c.public_key(None, true).unwrap().is_none());
        let e = c.private_key(None).unwrap_err().to_string();
        assert!(e.contains("set HOME or XDG_CONFIG_HOME"), "{e}");
        let x = dir.path().join("xdg").display().to_string();
        let c = context(dir.path(), &[("XDG_CONFIG_HOME", &x)]);
        let r = c.private_key(None).unwrap();
        assert_eq!(r.file.unwrap(), dir.path().join("xdg/telhook/telnyx.key"));
    }
}

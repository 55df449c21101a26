//! How the client connects: proxies, certificates, connection pool, or an
//! HTTP client the application already has.

use std::fmt;
use std::time::Duration;

use super::error::BuildError;

/// Connection settings for the HTTP client a generated client builds.
///
/// ```
/// # use clientgen_runtime::HttpSettings;
/// let settings = HttpSettings::new()
///     .proxy("http://proxy.internal:3128")
///     .pool_max_idle_per_host(8);
/// ```
#[derive(Clone, Default)]
pub struct HttpSettings {
    proxy: Option<String>,
    proxy_from_env: bool,
    root_certificates: Vec<Vec<u8>>,
    identity: Option<Vec<u8>>,
    accept_invalid_certificates: bool,
    pool_max_idle_per_host: Option<usize>,
    pool_idle_timeout: Option<Duration>,
}

impl fmt::Debug for HttpSettings {
    // A proxy URL may hold a password, an identity a private key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpSettings")
            .field("proxy", &self.proxy.as_ref().map(|_| "<set>"))
            .field("proxy_from_env", &self.proxy_from_env)
            .field("root_certificates", &self.root_certificates.len())
            .field("identity", &self.identity.as_ref().map(|_| "<set>"))
            .field(
                "accept_invalid_certificates",
                &self.accept_invalid_certificates,
            )
            .field("pool_max_idle_per_host", &self.pool_max_idle_per_host)
            .field("pool_idle_timeout", &self.pool_idle_timeout)
            .finish()
    }
}

impl HttpSettings {
    /// Direct connections, the platform's root certificates, reqwest's pool defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sends every request through this HTTP(S) proxy, e.g.
    /// `http://user:password@proxy.internal:3128`.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(url.into());
        self
    }

    /// Uses the proxies named by `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and
    /// `NO_PROXY` (and their lower-case forms). Off by default, so that no
    /// variable set for other programs reroutes credentials.
    pub fn proxy_from_env(mut self) -> Self {
        self.proxy_from_env = true;
        self
    }

    /// Also trusts the certificates in this PEM bundle, e.g. a company CA.
    pub fn add_root_certificates_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.root_certificates.push(pem.into());
        self
    }

    /// Presents this client certificate (mutual TLS): PEM with the
    /// certificate chain and its private key.
    pub fn client_identity_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.identity = Some(pem.into());
        self
    }

    /// **Turns off TLS certificate verification.** Anyone on the network path
    /// can then read and change requests, credentials included. For tests
    /// against servers with throw-away certificates only; prefer
    /// [`add_root_certificates_pem`](Self::add_root_certificates_pem).
    pub fn danger_accept_invalid_certificates(mut self) -> Self {
        self.accept_invalid_certificates = true;
        self
    }

    /// Idle connections kept per host (reqwest's default: no limit).
    pub fn pool_max_idle_per_host(mut self, max: usize) -> Self {
        self.pool_max_idle_per_host = Some(max);
        self
    }

    /// How long an idle connection is kept (reqwest's default: 90 s).
    pub fn pool_idle_timeout(mut self, timeout: Duration) -> Self {
        self.pool_idle_timeout = Some(timeout);
        self
    }

    /// The reqwest client for these settings.
    pub(crate) fn client(&self, connect_timeout: Duration) -> Result<reqwest::Client, BuildError> {
        let invalid = |what: &str, e: reqwest::Error| {
            BuildError::InvalidSetting(format!("{what}: {}", e.without_url()))
        };
        let mut builder = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            // A redirect is not the documented answer, and would carry
            // credentials to wherever it points.
            .redirect(reqwest::redirect::Policy::none())
            // Bodies are read as sent even if another crate in the build turns
            // on reqwest's decompression: no inflating a hostile body.
            .no_gzip()
            .no_brotli()
            .no_zstd()
            .no_deflate();
        match (&self.proxy, self.proxy_from_env) {
            (Some(url), _) => {
                let proxy = reqwest::Proxy::all(url.as_str())
                    .map_err(|_| BuildError::InvalidSetting("the proxy URL is invalid".into()))?;
                builder = builder.proxy(proxy);
            }
            // reqwest reads the proxy variables unless told not to.
            (None, true) => {}
            (None, false) => builder = builder.no_proxy(),
        }
        for pem in &self.root_certificates {
            let certificates = reqwest::Certificate::from_pem_bundle(pem)
                .map_err(|e| invalid("root certificates", e))?;
            if certificates.is_empty() {
                return Err(BuildError::InvalidSetting(
                    "root certificates: no certificate in the PEM".into(),
                ));
            }
            for certificate in certificates {
                builder = builder.add_root_certificate(certificate);
            }
        }
        if let Some(pem) = &self.identity {
            let identity =
                reqwest::Identity::from_pem(pem).map_err(|e| invalid("client identity", e))?;
            builder = builder.identity(identity);
        }
        if self.accept_invalid_certificates {
            builder = builder.tls_danger_accept_invalid_certs(true);
        }
        if let Some(max) = self.pool_max_idle_per_host {
            builder = builder.pool_max_idle_per_host(max);
        }
        if let Some(timeout) = self.pool_idle_timeout {
            builder = builder.pool_idle_timeout(timeout);
        }
        builder.build().map_err(|e| invalid("HTTP client", e))
    }
}

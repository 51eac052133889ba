//! Origins: the web's security boundary.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/browsers.html#origin>

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use url::Url;

/// Process-wide source of opaque origin identities.
static NEXT_OPAQUE_ORIGIN: AtomicU64 = AtomicU64::new(1);

/// An opaque origin: an internal value with no serialization it can be recreated from
/// (its ASCII serialization is `"null"`). Each one created by [`OpaqueOrigin::new`] is
/// unique in the process, so it is same origin only with itself (and its copies).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OpaqueOrigin(u64);

impl OpaqueOrigin {
    /// A new opaque origin, distinct from every other one created in this process.
    pub fn new() -> OpaqueOrigin {
        // Relaxed is enough: only uniqueness matters, not ordering with other memory.
        OpaqueOrigin(NEXT_OPAQUE_ORIGIN.fetch_add(1, Ordering::Relaxed))
    }
}

impl Default for OpaqueOrigin {
    fn default() -> Self {
        OpaqueOrigin::new()
    }
}

/// An origin: either opaque, or a tuple of scheme, host, port and domain.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#concept-origin>
///
/// The derived `==` is structural (it compares `domain` too); the spec's comparisons are
/// [`Origin::is_same_origin`] and [`Origin::is_same_origin_domain`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    /// An opaque origin.
    Opaque(OpaqueOrigin),
    /// A tuple origin.
    Tuple {
        /// The scheme, ASCII lowercase (e.g. `"https"`).
        scheme: String,
        /// The serialized host: IPv6 addresses in brackets, domains already ASCII
        /// (punycode) as the URL parser leaves them.
        host: String,
        /// The port, or `None` for the scheme's default port.
        port: Option<u16>,
        /// The domain, set through `document.domain`; `None` is the spec's null.
        domain: Option<String>,
    },
}

impl Origin {
    /// A new opaque origin, distinct from every other one.
    pub fn new_opaque() -> Origin {
        Origin::Opaque(OpaqueOrigin::new())
    }

    /// A tuple origin with a null domain.
    pub fn tuple(scheme: impl Into<String>, host: impl Into<String>, port: Option<u16>) -> Origin {
        Origin::Tuple {
            scheme: scheme.into(),
            host: host.into(),
            port,
            domain: None,
        }
    }

    /// Whether this is an opaque origin.
    pub fn is_opaque(&self) -> bool {
        matches!(self, Origin::Opaque(_))
    }

    /// The origin's domain (`None` is the spec's null, and always for an opaque origin):
    /// set only through `document.domain`, and read by same origin-domain.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-domain>
    pub fn domain(&self) -> Option<&str> {
        match self {
            Origin::Opaque(_) => None,
            Origin::Tuple { domain, .. } => domain.as_deref(),
        }
    }

    /// Sets the origin's domain (`document.domain`'s setter, step 7, once its checks
    /// passed: see [`crate::document_domain_setter`]). No effect on an opaque origin,
    /// which has no domain.
    pub fn set_domain(&mut self, new_domain: Option<String>) {
        if let Origin::Tuple { domain, .. } = self {
            *domain = new_domain;
        }
    }

    /// The effective domain of an origin: null for an opaque origin, else its domain if
    /// set, else its host.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-effective-domain>
    pub fn effective_domain(&self) -> Option<&str> {
        match self {
            // 1. If origin is an opaque origin, then return null.
            Origin::Opaque(_) => None,
            // 2. If origin's domain is non-null, then return origin's domain.
            // 3. Return origin's host.
            Origin::Tuple { host, domain, .. } => Some(domain.as_deref().unwrap_or(host)),
        }
    }

    /// The ASCII serialization of an origin.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin>
    pub fn ascii_serialization(&self) -> String {
        match self {
            // 1. If origin is an opaque origin, then return "null".
            Origin::Opaque(_) => "null".to_owned(),
            Origin::Tuple {
                scheme, host, port, ..
            } => {
                // 2. Otherwise, let result be origin's scheme.
                let mut result = scheme.clone();
                // 3. Append "://" to result.
                result.push_str("://");
                // 4. Append origin's host, serialized, to result.
                result.push_str(host);
                // 5. If origin's port is non-null, append a U+003A COLON character (:), and
                //    origin's port, serialized, to result.
                if let Some(port) = port {
                    result.push(':');
                    result.push_str(&port.to_string());
                }
                // 6. Return result.
                result
            }
        }
    }

    /// Whether two origins are same origin.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#same-origin>
    pub fn is_same_origin(&self, other: &Origin) -> bool {
        match (self, other) {
            // 1. If A and B are the same opaque origin, then return true.
            (Origin::Opaque(a), Origin::Opaque(b)) => a == b,
            // 2. If A and B are both tuple origins and their schemes, hosts, and port are
            //    identical, then return true.
            (
                Origin::Tuple {
                    scheme: scheme_a,
                    host: host_a,
                    port: port_a,
                    ..
                },
                Origin::Tuple {
                    scheme: scheme_b,
                    host: host_b,
                    port: port_b,
                    ..
                },
            ) => scheme_a == scheme_b && host_a == host_b && port_a == port_b,
            // 3. Return false.
            _ => false,
        }
    }

    /// Whether two origins are same origin-domain (this takes `document.domain` into
    /// account).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#same-origin-domain>
    pub fn is_same_origin_domain(&self, other: &Origin) -> bool {
        match (self, other) {
            // 1. If A and B are the same opaque origin, then return true.
            (Origin::Opaque(a), Origin::Opaque(b)) => a == b,
            // 2. If A and B are both tuple origins, run these substeps:
            (
                Origin::Tuple {
                    scheme: scheme_a,
                    domain: domain_a,
                    ..
                },
                Origin::Tuple {
                    scheme: scheme_b,
                    domain: domain_b,
                    ..
                },
            ) => {
                // 2.1. If A and B's schemes are identical, and their domains are identical
                //      and non-null, then return true.
                if scheme_a == scheme_b && domain_a.is_some() && domain_a == domain_b {
                    return true;
                }
                // 2.2. Otherwise, if A and B are same origin and their domains are
                //      identical and null, then return true.
                domain_a.is_none() && domain_b.is_none() && self.is_same_origin(other)
            }
            // 3. Return false.
            _ => false,
        }
    }
}

impl fmt::Display for Origin {
    /// Writes the [ASCII serialization](Origin::ascii_serialization).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.ascii_serialization())
    }
}

/// The origin of a URL.
///
/// Spec: <https://url.spec.whatwg.org/#concept-url-origin>
pub fn origin_of_url(url: &Url) -> Origin {
    // The origin of a URL url is the origin returned by running these steps, switching
    // on url's scheme:
    match url.scheme() {
        "blob" => {
            // 1. If url's blob URL entry is non-null, then return url's blob URL entry's
            //    environment's origin.
            // TODO(spec): step 1 — there is no blob URL store yet.
            // 2. Let pathURL be the result of parsing the result of URL path serializing
            //    url.
            // 3. If pathURL is failure, then return a new opaque origin.
            let Ok(path_url) = Url::parse(url.path()) else {
                return Origin::new_opaque();
            };
            // 4. If pathURL's scheme is "http", "https", or "file", then return pathURL's
            //    origin.
            if matches!(path_url.scheme(), "http" | "https" | "file") {
                return origin_of_url(&path_url);
            }
            // 5. Return a new opaque origin.
            Origin::new_opaque()
        }
        // "ftp", "http", "https", "ws", "wss": return the tuple origin (url's scheme,
        // url's host, url's port, null).
        "ftp" | "http" | "https" | "ws" | "wss" => match url.host_str() {
            Some(host) => Origin::tuple(url.scheme(), host, url.port()),
            // Deviation: these special schemes always have a host after parsing; if one
            // somehow lacks it, fall back to an opaque origin rather than an empty host.
            None => Origin::new_opaque(),
        },
        // "file": "Unfortunate as it is, this is left as an exercise to the reader. When
        // in doubt, return a new opaque origin."
        // Deviation: implementation-defined; like browsers, a new opaque origin.
        "file" => Origin::new_opaque(),
        // Otherwise: return a new opaque origin.
        _ => Origin::new_opaque(),
    }
}

#[cfg(test)]
mod tests;

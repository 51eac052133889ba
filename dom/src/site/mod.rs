//! Sites: origins grouped by registrable domain, and the agent cluster keys built on them.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/browsers.html#sites>,
//! <https://url.spec.whatwg.org/#host-public-suffix>.
//!
//! The public suffix list is the one the `psl` crate compiles in (no runtime file).

use std::fmt;

use url::Host;

use crate::origin::{OpaqueOrigin, Origin};

/// A site: an opaque origin, or a scheme and a host (the host's registrable domain when
/// it has one, the host itself otherwise).
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#site>
///
/// Two sites are [same site](https://html.spec.whatwg.org/multipage/browsers.html#concept-site-same-site)
/// exactly when they are `==`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Site {
    /// An opaque origin's site: the opaque origin itself.
    Opaque(OpaqueOrigin),
    /// A scheme-and-host.
    SchemeAndHost {
        /// The scheme, ASCII lowercase.
        scheme: String,
        /// The registrable domain, or the whole host (an IP address, `localhost`, a
        /// public suffix) when there is none; serialized as in [`Origin::Tuple`].
        host: String,
    },
}

impl Site {
    /// The serialization of a site: `"null"` for an opaque origin, otherwise
    /// `scheme://host`.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#serialize-a-site>
    pub fn serialize_a_site(&self) -> String {
        match self {
            // 1. If site is an opaque origin, then return "null".
            Site::Opaque(_) => "null".to_owned(),
            // 2. Let result be site[0]. 3. Append "://" to result. 4. Append site[1],
            //    serialized, to result. 5. Return result.
            Site::SchemeAndHost { scheme, host } => format!("{scheme}://{host}"),
        }
    }
}

impl fmt::Display for Site {
    /// Writes [`Site::serialize_a_site`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.serialize_a_site())
    }
}

/// Whether a serialized host is a domain (not an IPv4 or IPv6 address, nor an empty or
/// unparsable host).
///
/// Spec: <https://url.spec.whatwg.org/#concept-domain>
pub fn host_is_a_domain(host: &str) -> bool {
    matches!(Host::parse(host), Ok(Host::Domain(_)))
}

/// The public suffix of a host: the part of it the public suffix list says anyone can
/// register under (`"co.uk"` for `"a.example.co.uk"`, `"github.io"` for
/// `"foo.github.io"`), or `None` when the host is not a domain.
///
/// Spec: <https://url.spec.whatwg.org/#host-public-suffix>
pub fn public_suffix(host: &str) -> Option<String> {
    // 1. If host is not a domain, then return null.
    if !host_is_a_domain(host) {
        return None;
    }
    // 2. Let trailingDot be "." if host ends with "."; otherwise the empty string.
    // 3. Let publicSuffix be the public suffix determined by running the Public Suffix
    //    List algorithm with host as domain.
    // 4. Assert: publicSuffix is an ASCII string that does not end with ".".
    // 5. Return publicSuffix and trailingDot concatenated.
    // (psl keeps the trailing dot on its answer for a host that has one, and applies
    // the list's implicit "*" rule to unlisted top-level labels.)
    let suffix = psl::suffix(host.as_bytes())?;
    std::str::from_utf8(suffix.as_bytes())
        .ok()
        .map(str::to_owned)
}

/// The registrable domain of a host: its public suffix plus the label before it
/// (`"example.co.uk"` for `"a.b.example.co.uk"`), or `None` for an IP address, a host
/// that is itself a public suffix (`"co.uk"`, `"localhost"`), or a non-domain.
///
/// Spec: <https://url.spec.whatwg.org/#host-registrable-domain>
pub fn registrable_domain(host: &str) -> Option<String> {
    // 1. If host's public suffix is null or host's public suffix equals host, then
    //    return null.
    let suffix = public_suffix(host)?;
    if suffix == host {
        return None;
    }
    // 2. Let trailingDot be "." if host ends with "."; otherwise the empty string.
    // 3. Let registrableDomain be the registrable domain determined by running the
    //    Public Suffix List algorithm with host as domain.
    // 4. Assert: registrableDomain is an ASCII string that does not end with ".".
    // 5. Return registrableDomain and trailingDot concatenated.
    let domain = psl::domain(host.as_bytes())?;
    std::str::from_utf8(domain.as_bytes())
        .ok()
        .map(str::to_owned)
}

/// The site of an origin.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#obtain-a-site>
pub fn obtain_a_site(origin: &Origin) -> Site {
    match origin {
        // 1. If origin is an opaque origin, then return origin.
        Origin::Opaque(opaque) => Site::Opaque(*opaque),
        Origin::Tuple { scheme, host, .. } => {
            // 2. If origin's host's registrable domain is null, then return (origin's
            //    scheme, origin's host).
            // 3. Return (origin's scheme, origin's host's registrable domain).
            let host = registrable_domain(host).unwrap_or_else(|| host.clone());
            Site::SchemeAndHost {
                scheme: scheme.clone(),
                host,
            }
        }
    }
}

/// Whether two origins are schemelessly same site (`http://a.example.com` and
/// `https://b.example.com` are).
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#schemelessly-same-site>
pub fn is_schemelessly_same_site(a: &Origin, b: &Origin) -> bool {
    match (a, b) {
        // 1. If A and B are the same opaque origin, then return true.
        (Origin::Opaque(a), Origin::Opaque(b)) => a == b,
        // 2. If A and B are both tuple origins, then:
        (Origin::Tuple { host: host_a, .. }, Origin::Tuple { host: host_b, .. }) => {
            // 2.1. Let hostA be A's host, and let hostB be B's host.
            let domain_a = registrable_domain(host_a);
            // 2.2. If hostA equals hostB and hostA's registrable domain is null, then
            //      return true.
            if host_a == host_b && domain_a.is_none() {
                return true;
            }
            // 2.3. If hostA's registrable domain equals hostB's registrable domain and
            //      is non-null, then return true.
            domain_a.is_some() && domain_a == registrable_domain(host_b)
        }
        // 3. Return false.
        _ => false,
    }
}

/// Whether two origins are same site: schemelessly same site, and either both opaque or
/// both tuple origins with the same scheme.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#same-site>
pub fn is_same_site(a: &Origin, b: &Origin) -> bool {
    // A and B are same site if both of the following statements are true:
    // - A and B are schemelessly same site;
    // - A and B are either both opaque origins, or both tuple origins with the same
    //   scheme.
    let same_kind = match (a, b) {
        (Origin::Opaque(_), Origin::Opaque(_)) => true,
        (Origin::Tuple { scheme: sa, .. }, Origin::Tuple { scheme: sb, .. }) => sa == sb,
        _ => false,
    };
    same_kind && is_schemelessly_same_site(a, b)
}

/// The key under which a browsing context group keeps an agent cluster: a site, or an
/// origin when the cluster is origin-keyed.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#agent-cluster-key>
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum AgentClusterKey {
    /// A site-keyed agent cluster (the default).
    Site(Site),
    /// An origin-keyed agent cluster. The origin's domain is always null here, so a
    /// later `document.domain` does not change the key.
    Origin(Origin),
}

/// Whether an agent cluster is keyed by site (the default) or by origin.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AgentClusterKeying {
    /// Keyed by site: what "obtain a similar-origin window agent" picks when nothing
    /// asks for origin keying.
    #[default]
    Site,
    /// Keyed by origin: the document asked for it (`Origin-Agent-Cluster: ?1`,
    /// requestsOAC) or the group is cross-origin isolated.
    Origin,
}

/// The agent cluster key for `origin` with site keying (origin-keyed agent clusters are
/// off by default), as "obtain a similar-origin window agent" computes it.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#obtain-similar-origin-window-agent>
pub fn agent_cluster_key(origin: &Origin) -> AgentClusterKey {
    obtain_agent_cluster_key(origin, AgentClusterKeying::Site)
}

/// Steps 1–5 of "obtain a similar-origin window agent": the key of the agent cluster
/// that a document of `origin` joins.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#obtain-similar-origin-window-agent>
pub fn obtain_agent_cluster_key(origin: &Origin, keying: AgentClusterKeying) -> AgentClusterKey {
    // 1. Let site be the result of obtaining a site with origin.
    let site = obtain_a_site(origin);
    // 2. Let key be site.
    // 3. If group's cross-origin isolation mode is not "none", then set key to origin.
    // 4. Otherwise, if group's historical agent cluster key map[origin] exists, then set
    //    key to group's historical agent cluster key map[origin].
    // 5. Otherwise: 5.1. If requestsOAC is true, then set key to origin. 5.2. Set group's
    //    historical agent cluster key map[origin] to key.
    // Deviation: steps 3-5 read and write the browsing context group; here the caller
    // passes their outcome as `keying`;
    // `BrowsingContextGroup::obtain_agent_cluster_key` runs them against a group.
    match keying {
        AgentClusterKeying::Site => AgentClusterKey::Site(site),
        AgentClusterKeying::Origin => AgentClusterKey::Origin(without_domain(origin)),
    }
    // 6.-7. (creating the agent cluster and its agent) are the embedder's.
}

/// `origin` with a null domain: the part of an origin that identifies it.
pub(crate) fn without_domain(origin: &Origin) -> Origin {
    match origin {
        Origin::Opaque(_) => origin.clone(),
        Origin::Tuple {
            scheme, host, port, ..
        } => Origin::tuple(scheme.clone(), host.clone(), *port),
    }
}

#[cfg(test)]
mod tests;

//! `document.domain`: its getter and setter as pure functions over an [`Origin`], and the
//! host-suffix check the setter relies on.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/browsers.html#relaxing-the-same-origin-restriction>
//!
//! The setter only ever loosens: it sets the origin's domain to the origin's effective
//! domain or to a registrable-domain suffix of it, which then makes
//! [`Origin::is_same_origin_domain`] match other origins that did the same.

use thiserror::Error;
use url::Host;

use crate::origin::Origin;
use crate::site::public_suffix;

/// Why `document.domain`'s setter refused a value. Every variant is a `"SecurityError"`
/// `DOMException` (see [`DocumentDomainError::dom_exception_name`]).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DocumentDomainError {
    /// The document has no browsing context (setter step 1).
    #[error("SecurityError: the document has no browsing context")]
    NoBrowsingContext,
    /// The document's sandboxing flags include the sandboxed `document.domain` browsing
    /// context flag (setter step 2).
    #[error("SecurityError: the document is sandboxed from setting document.domain")]
    Sandboxed,
    /// The document's origin is opaque: its effective domain is null (setter step 4).
    #[error("SecurityError: the document's origin is opaque")]
    OpaqueOrigin,
    /// The value is not a registrable domain suffix of, nor equal to, the effective
    /// domain (setter step 5): empty, unparsable, an IP address other than the current
    /// one, not a suffix, or a public suffix.
    #[error(
        "SecurityError: {value:?} is not a registrable domain suffix of and is not equal to {effective_domain:?}"
    )]
    NotARegistrableDomainSuffix {
        /// The value given to the setter.
        value: String,
        /// The document's origin's effective domain at the time.
        effective_domain: String,
    },
}

impl DocumentDomainError {
    /// The name of the `DOMException` a binding should throw: always `"SecurityError"`.
    pub fn dom_exception_name(&self) -> &'static str {
        match self {
            DocumentDomainError::NoBrowsingContext
            | DocumentDomainError::Sandboxed
            | DocumentDomainError::OpaqueOrigin
            | DocumentDomainError::NotARegistrableDomainSuffix { .. } => "SecurityError",
        }
    }
}

/// What `document.domain`'s setter reads about the document and its agent besides the
/// origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentDomainSetterContext {
    /// Whether the document has a browsing context (setter step 1).
    pub has_browsing_context: bool,
    /// Whether the document's active sandboxing flag set has the sandboxed
    /// `document.domain` browsing context flag (setter step 2).
    pub sandboxed_document_domain: bool,
    /// Whether the surrounding agent's agent cluster is origin-keyed (setter step 6).
    pub origin_keyed: bool,
}

impl Default for DocumentDomainSetterContext {
    /// A document in a browsing context, not sandboxed, in a site-keyed agent cluster.
    fn default() -> Self {
        DocumentDomainSetterContext {
            has_browsing_context: true,
            sandboxed_document_domain: false,
            origin_keyed: false,
        }
    }
}

/// Whether the string `host_suffix_string` is a registrable domain suffix of, or is equal
/// to, the (serialized) host `original_host`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#is-a-registrable-domain-suffix-of-or-is-equal-to>
pub fn is_a_registrable_domain_suffix_of_or_is_equal_to(
    host_suffix_string: &str,
    original_host: &str,
) -> bool {
    // 1. If hostSuffixString is the empty string, then return false.
    if host_suffix_string.is_empty() {
        return false;
    }
    // 2. Let hostSuffix be the result of parsing hostSuffixString.
    // 3. If hostSuffix is failure, then return false.
    let Ok(parsed) = Host::parse(host_suffix_string) else {
        return false;
    };
    let host_suffix = parsed.to_string();
    // 4. If hostSuffix does not equal originalHost, then:
    if host_suffix != original_host {
        // 4.1. If hostSuffix or originalHost is not a domain, then return false.
        //      (This excludes hosts that are IP addresses.)
        let original_is_domain = matches!(Host::parse(original_host), Ok(Host::Domain(_)));
        if !matches!(parsed, Host::Domain(_)) || !original_is_domain {
            return false;
        }
        // 4.2. If hostSuffix, prefixed by U+002E (.), does not exactly match the end of
        //      originalHost, then return false.
        let dotted = format!(".{host_suffix}");
        if !original_host.ends_with(&dotted) {
            return false;
        }
        // 4.3. If any of the following are true: hostSuffix equals hostSuffix's public
        //      suffix; or hostSuffix, prefixed by U+002E (.), matches the end of
        //      originalHost's public suffix, then return false.
        if public_suffix(&host_suffix).as_deref() == Some(host_suffix.as_str()) {
            return false;
        }
        if public_suffix(original_host).is_some_and(|suffix| suffix.ends_with(&dotted)) {
            return false;
        }
        // 4.4. Assert: originalHost's public suffix, prefixed by U+002E (.), matches the
        //      end of hostSuffix.
        // (Follows from 4.2 and 4.3; not checked again.)
    }
    // 5. Return true.
    true
}

/// The value `document.domain`'s getter returns for a document whose origin is
/// `origin`: its effective domain, or `""` for an opaque origin.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#dom-document-domain>
pub fn document_domain_getter(origin: &Origin) -> String {
    // 1. Let this be this Document object.
    // 2. Let effectiveDomain be this's origin's effective domain.
    // 3. If effectiveDomain is null, then return the empty string.
    // 4. Return effectiveDomain, serialized.
    origin.effective_domain().unwrap_or_default().to_owned()
}

/// `document.domain`'s setter for a document whose origin is `origin`: checks `value`
/// and, unless the agent cluster is origin-keyed, sets the origin's domain to it.
///
/// The origin is shared by every document that has it, so the embedder passes the one
/// object they share.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#dom-document-domain>
pub fn document_domain_setter(
    origin: &mut Origin,
    value: &str,
    context: DocumentDomainSetterContext,
) -> Result<(), DocumentDomainError> {
    // 1. If this's browsing context is null, then throw a "SecurityError" DOMException.
    if !context.has_browsing_context {
        return Err(DocumentDomainError::NoBrowsingContext);
    }
    // 2. If this Document object's active sandboxing flag set has its sandboxed
    //    document.domain browsing context flag set, then throw a "SecurityError"
    //    DOMException.
    if context.sandboxed_document_domain {
        return Err(DocumentDomainError::Sandboxed);
    }
    // 3. Let effectiveDomain be this's origin's effective domain.
    // 4. If effectiveDomain is null, then throw a "SecurityError" DOMException.
    let Some(effective_domain) = origin.effective_domain() else {
        return Err(DocumentDomainError::OpaqueOrigin);
    };
    // 5. If the given value is not a registrable domain suffix of and is not equal to
    //    effectiveDomain, then throw a "SecurityError" DOMException.
    if !is_a_registrable_domain_suffix_of_or_is_equal_to(value, effective_domain) {
        return Err(DocumentDomainError::NotARegistrableDomainSuffix {
            value: value.to_owned(),
            effective_domain: effective_domain.to_owned(),
        });
    }
    // 6. If the surrounding agent's agent cluster's is origin-keyed is true, then return.
    if context.origin_keyed {
        return Ok(());
    }
    // 7. Set this's origin's domain to the result of parsing the given value.
    // (Step 5 parsed it successfully; parsing again can not fail.)
    if let Ok(host) = Host::parse(value) {
        origin.set_domain(Some(host.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests;

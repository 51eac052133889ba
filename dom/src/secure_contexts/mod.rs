//! Potentially trustworthy origins and URLs (the W3C Secure Contexts specification), which
//! decide whether an environment is a secure context.
//!
//! Spec: <https://w3c.github.io/webappsec-secure-contexts/#algorithms>

use std::net::IpAddr;

use url::Url;

use crate::origin::{Origin, origin_of_url};

/// Is origin potentially trustworthy?
///
/// Spec: <https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy>
pub fn is_origin_potentially_trustworthy(origin: &Origin) -> bool {
    // 1. If origin is an opaque origin, return "Not Trustworthy".
    // 2. Assert: origin is a tuple origin.
    let Origin::Tuple { scheme, host, .. } = origin else {
        return false;
    };
    // 3. If origin's scheme is either "https" or "wss", return "Potentially Trustworthy".
    if scheme == "https" || scheme == "wss" {
        return true;
    }
    // 4. If origin's host matches one of the CIDR notations 127.0.0.0/8 or ::1/128, return
    //    "Potentially Trustworthy".
    let address = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(address) = address.parse::<IpAddr>()
        && address.is_loopback()
    {
        return true;
    }
    // 5. If the user agent conforms to the name resolution rules in [let-localhost-be-
    //    localhost] and origin's host is "localhost" or "localhost.", or ends with
    //    ".localhost" or ".localhost.", return "Potentially Trustworthy". (Postern resolves
    //    no name to the network at all.)
    let host = host.to_ascii_lowercase();
    let host = host.strip_suffix('.').unwrap_or(&host);
    if host == "localhost" || host.ends_with(".localhost") {
        return true;
    }
    // 6. If origin's scheme is "file", return "Potentially Trustworthy".
    if scheme == "file" {
        return true;
    }
    // 7-8. (No other scheme is authenticated, no origin configured as trustworthy.)
    // 9. Return "Not Trustworthy".
    false
}

/// Is url potentially trustworthy?
///
/// Spec: <https://w3c.github.io/webappsec-secure-contexts/#is-url-trustworthy>
pub fn is_url_potentially_trustworthy(url: &Url) -> bool {
    // 1. If url is "about:blank" or "about:srcdoc", return "Potentially Trustworthy".
    if url.scheme() == "about" && matches!(url.path(), "blank" | "srcdoc") {
        return true;
    }
    // 2. If url's scheme is "data", return "Potentially Trustworthy".
    if url.scheme() == "data" {
        return true;
    }
    // 3. Return the result of executing § 3.1 Is origin potentially trustworthy? on url's
    //    origin.
    // (A file: URL's origin is opaque here, as the URL Standard leaves it to the
    // implementation; step 6 of the origin algorithm is what makes file: trustworthy.)
    if url.scheme() == "file" {
        return true;
    }
    is_origin_potentially_trustworthy(&origin_of_url(url))
}

#[cfg(test)]
mod tests;

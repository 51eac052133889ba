//! The Web Cryptography API: the `Crypto` interface and the Window's `crypto` attribute.
//!
//! Spec: <https://w3c.github.io/webcrypto/>

pub(crate) mod crypto;

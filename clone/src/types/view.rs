//! The kinds of ArrayBuffer views.

use serde::{Deserialize, Serialize};

/// `[[Constructor]]` of a serialized ArrayBuffer view: a typed array kind
/// (`[[TypedArrayName]]`) or `DataView`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ViewKind {
    /// `Int8Array`.
    Int8,
    /// `Uint8Array`.
    Uint8,
    /// `Uint8ClampedArray`.
    Uint8Clamped,
    /// `Int16Array`.
    Int16,
    /// `Uint16Array`.
    Uint16,
    /// `Int32Array`.
    Int32,
    /// `Uint32Array`.
    Uint32,
    /// `Float16Array`.
    Float16,
    /// `Float32Array`.
    Float32,
    /// `Float64Array`.
    Float64,
    /// `BigInt64Array`.
    BigInt64,
    /// `BigUint64Array`.
    BigUint64,
    /// `DataView`.
    DataView,
}

impl ViewKind {
    /// Every kind, typed arrays first.
    pub const ALL: [ViewKind; 13] = [
        ViewKind::Int8,
        ViewKind::Uint8,
        ViewKind::Uint8Clamped,
        ViewKind::Int16,
        ViewKind::Uint16,
        ViewKind::Int32,
        ViewKind::Uint32,
        ViewKind::Float16,
        ViewKind::Float32,
        ViewKind::Float64,
        ViewKind::BigInt64,
        ViewKind::BigUint64,
        ViewKind::DataView,
    ];

    /// The constructor's name, e.g. `"Float64Array"` or `"DataView"`.
    pub fn constructor_name(self) -> &'static str {
        match self {
            ViewKind::Int8 => "Int8Array",
            ViewKind::Uint8 => "Uint8Array",
            ViewKind::Uint8Clamped => "Uint8ClampedArray",
            ViewKind::Int16 => "Int16Array",
            ViewKind::Uint16 => "Uint16Array",
            ViewKind::Int32 => "Int32Array",
            ViewKind::Uint32 => "Uint32Array",
            ViewKind::Float16 => "Float16Array",
            ViewKind::Float32 => "Float32Array",
            ViewKind::Float64 => "Float64Array",
            ViewKind::BigInt64 => "BigInt64Array",
            ViewKind::BigUint64 => "BigUint64Array",
            ViewKind::DataView => "DataView",
        }
    }

    /// The kind whose constructor is named `name`.
    pub fn from_constructor_name(name: &str) -> Option<ViewKind> {
        ViewKind::ALL
            .into_iter()
            .find(|kind| kind.constructor_name() == name)
    }

    /// The size in bytes of one element (1 for a DataView, whose length counts bytes).
    pub fn element_size(self) -> usize {
        match self {
            ViewKind::Int8 | ViewKind::Uint8 | ViewKind::Uint8Clamped | ViewKind::DataView => 1,
            ViewKind::Int16 | ViewKind::Uint16 | ViewKind::Float16 => 2,
            ViewKind::Int32 | ViewKind::Uint32 | ViewKind::Float32 => 4,
            ViewKind::Float64 | ViewKind::BigInt64 | ViewKind::BigUint64 => 8,
        }
    }

    /// Whether this is `DataView` rather than a typed array.
    pub fn is_data_view(self) -> bool {
        self == ViewKind::DataView
    }
}

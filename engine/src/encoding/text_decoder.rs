//! The `TextDecoder` interface: bytes in any of the Encoding Standard's encodings to strings.
//!
//! Spec: <https://encoding.spec.whatwg.org/#interface-textdecoder>

use std::cell::RefCell;

use boa_engine::{Context, Finalize, JsData, JsResult, JsString, JsValue, Trace, js_string};
use encoding_rs::{DecoderResult, Encoding};

use crate::encoding::get_a_copy_of_the_buffer_source;
use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration, Operation};
use crate::webidl::interface::{create_an_object_implementing, new_target};

/// `interface TextDecoder` (with the `TextDecoderCommon` mixin): what scripts see.
///
/// Spec: <https://encoding.spec.whatwg.org/#interface-textdecoder>
pub(crate) const TEXT_DECODER: InterfaceDeclaration = InterfaceDeclaration {
    name: "TextDecoder",
    inherits: None,
    // constructor(optional DOMString label = "utf-8", optional TextDecoderOptions options = {});
    constructor: Some(Constructor {
        length: 0,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        // TextDecoderCommon: readonly attribute DOMString encoding;
        Attribute::readonly("encoding", get_encoding),
        // readonly attribute boolean fatal;
        Attribute::readonly("fatal", get_fatal),
        // readonly attribute boolean ignoreBOM;
        Attribute::readonly("ignoreBOM", get_ignore_bom),
    ],
    operations: &[
        // USVString decode(optional AllowSharedBufferSource input,
        //                  optional TextDecodeOptions options = {});
        Operation::new("decode", 0, decode),
    ],
    static_operations: &[],
    mixins: &[],
};

/// A TextDecoder's state.
#[derive(Trace, Finalize, JsData)]
struct TextDecoder {
    /// Its encoding.
    #[unsafe_ignore_trace]
    encoding: &'static Encoding,
    /// Its error mode is "fatal" (else "replacement").
    #[unsafe_ignore_trace]
    fatal: bool,
    /// Its ignore BOM.
    #[unsafe_ignore_trace]
    ignore_bom: bool,
    /// Its decoder, between calls of a stream (`None`: the next call starts afresh).
    #[unsafe_ignore_trace]
    decoder: RefCell<Option<encoding_rs::Decoder>>,
}

/// `new TextDecoder(label, options)`.
///
/// Spec: <https://encoding.spec.whatwg.org/#dom-textdecoder>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "TextDecoder")?;
    let label = match args.first() {
        None => "utf-8".to_string(),
        Some(value) if value.is_undefined() => "utf-8".to_string(),
        Some(value) => to_dom_string(value, context)?,
    };
    // (TextDecoderOptions: boolean fatal = false; boolean ignoreBOM = false; read in
    // lexicographic order.)
    let (fatal, ignore_bom) = match arg(args, 1) {
        value if value.is_null_or_undefined() => (false, false),
        value => {
            let Some(options) = value.as_object() else {
                return Err(type_error(
                    "Failed to construct 'TextDecoder': The provided value is not of type 'TextDecoderOptions'.",
                ));
            };
            let fatal = options.get(js_string!("fatal"), context)?.to_boolean();
            let ignore_bom = options.get(js_string!("ignoreBOM"), context)?.to_boolean();
            (fatal, ignore_bom)
        }
    };
    // 1. Let encoding be the result of getting an encoding from label.
    // 2. If encoding is failure or replacement, then throw a RangeError.
    let encoding = Encoding::for_label(label.as_bytes())
        .filter(|encoding| *encoding != encoding_rs::REPLACEMENT)
        .ok_or_else(|| {
            boa_engine::JsNativeError::range().with_message(format!(
                "Failed to construct 'TextDecoder': The encoding label provided ('{label}') is invalid."
            ))
        })?;
    // 3. Set this's encoding to encoding.
    // 4. If options["fatal"] is true, then set this's error mode to "fatal".
    // 5. Set this's ignore BOM to options["ignoreBOM"].
    let decoder = TextDecoder {
        encoding,
        fatal,
        ignore_bom,
        decoder: RefCell::new(None),
    };
    Ok(create_an_object_implementing(context, "TextDecoder", Some(&new_target), decoder)?.into())
}

/// Runs `f` on `this`'s TextDecoder state.
fn with_decoder<R>(this: &JsValue, f: impl FnOnce(&TextDecoder) -> R) -> JsResult<R> {
    this.as_object()
        .and_then(|o| o.downcast_ref::<TextDecoder>().map(|d| f(&d)))
        .ok_or_else(|| type_error("Illegal invocation: 'this' is not a TextDecoder"))
}

/// `encoding`: this's encoding's name, lowercased.
///
/// Spec: <https://encoding.spec.whatwg.org/#dom-textdecoder-encoding>
fn get_encoding(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    let name = with_decoder(this, |d| d.encoding.name().to_ascii_lowercase())?;
    Ok(JsString::from(name.as_str()).into())
}

/// `fatal`: whether this's error mode is "fatal".
fn get_fatal(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::new(with_decoder(this, |d| d.fatal)?))
}

/// `ignoreBOM`: this's ignore BOM.
fn get_ignore_bom(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::new(with_decoder(this, |d| d.ignore_bom)?))
}

/// `decode(input, options)`.
///
/// Spec: <https://encoding.spec.whatwg.org/#dom-textdecoder-decode>
fn decode(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    with_decoder(this, |_| ())?;
    let input = match args.first() {
        None => Vec::new(),
        Some(value) if value.is_undefined() => Vec::new(),
        Some(value) => get_a_copy_of_the_buffer_source(value, "decode", context)?,
    };
    // (TextDecodeOptions: boolean stream = false.)
    let stream = match arg(args, 1) {
        value if value.is_null_or_undefined() => false,
        value => match value.as_object() {
            Some(options) => options.get(js_string!("stream"), context)?.to_boolean(),
            None => {
                return Err(type_error(
                    "Failed to execute 'decode' on 'TextDecoder': The provided value is not of type 'TextDecodeOptions'.",
                ));
            }
        },
    };
    let object = this
        .as_object()
        .ok_or_else(|| type_error("Illegal invocation: 'this' is not a TextDecoder"))?;
    let Some(state) = object.downcast_ref::<TextDecoder>() else {
        return Err(type_error(
            "Illegal invocation: 'this' is not a TextDecoder",
        ));
    };
    // 1. If this's do not flush is false, then set this's decoder to a new instance of
    //    this's encoding's decoder, this's I/O queue to « end-of-queue », and this's BOM
    //    seen to false.
    let mut slot = state.decoder.borrow_mut();
    let mut decoder = slot.take().unwrap_or_else(|| {
        if state.ignore_bom {
            state.encoding.new_decoder_without_bom_handling()
        } else {
            // (Serialize I/O queue strips a leading BOM of UTF-8, UTF-16BE or UTF-16LE
            // when the encoding is that one.)
            state.encoding.new_decoder_with_bom_removal()
        }
    });
    // 2. Set this's do not flush to options["stream"].
    // 3-5. Push a copy of input to this's I/O queue; process it with the decoder, in
    //      this's error mode; unless streaming, also the end-of-queue.
    let last = !stream;
    let capacity = decoder
        .max_utf8_buffer_length(input.len())
        .ok_or_else(|| boa_engine::JsNativeError::range().with_message("input too long"))?;
    let mut output = String::with_capacity(capacity);
    if state.fatal {
        let (result, _) = decoder.decode_to_string_without_replacement(&input, &mut output, last);
        if let DecoderResult::Malformed(_, _) = result {
            // (Error mode "fatal": throw a TypeError; the next call starts afresh.)
            return Err(type_error(
                "Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid.",
            ));
        }
    } else {
        let _ = decoder.decode_to_string(&input, &mut output, last);
    }
    if stream {
        *slot = Some(decoder);
    }
    // Return the result of serializing output.
    Ok(JsString::from(output.as_str()).into())
}

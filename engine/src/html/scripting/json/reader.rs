//! The reader of ParseJSON: one pass over the text's code units, with an explicit stack of
//! the arrays and objects still open.

use std::collections::HashMap;

use boa_engine::object::builtins::JsArray;
use boa_engine::string::JsStr;
use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsString, JsValue};
use foldhash::fast::RandomState;

use super::parse::{ParseNode, ParseRecord};
use super::{MAX_JSON_NESTING, nesting_too_deep};

/// A code unit of the text: Latin-1 or UTF-16.
pub(super) trait Unit: Copy {
    /// The code unit's value.
    fn unit(self) -> u16;
    /// A string made of code units as they are.
    fn string(units: &[Self]) -> JsString;
}

impl Unit for u8 {
    fn unit(self) -> u16 {
        u16::from(self)
    }
    fn string(units: &[u8]) -> JsString {
        JsString::from(JsStr::latin1(units))
    }
}

impl Unit for u16 {
    fn unit(self) -> u16 {
        self
    }
    fn string(units: &[u16]) -> JsString {
        JsString::from(units)
    }
}

/// An array or object whose closing bracket has not been read yet.
enum Open {
    Array {
        elements: Vec<JsValue>,
        records: Vec<usize>,
    },
    Object {
        object: JsObject,
        /// The name of the member whose value is being read.
        name: JsString,
        entries: HashMap<JsString, usize, RandomState>,
    },
}

/// A value just read, with its record's index when records are made.
type Parsed = (JsValue, Option<usize>);

/// The reader of one JSON text, and where it is in it.
pub(super) struct Parser<'t, 'r, T> {
    units: &'t [T],
    pos: usize,
    records: &'r mut Option<Vec<ParseRecord>>,
    /// Room for the code units of a string with escapes.
    scratch: Vec<u16>,
    /// Room for the text of a number.
    number: String,
}

impl<'t, 'r, T: Unit> Parser<'t, 'r, T> {
    pub(super) fn new(units: &'t [T], records: &'r mut Option<Vec<ParseRecord>>) -> Self {
        Parser {
            units,
            pos: 0,
            records,
            scratch: Vec::new(),
            number: String::new(),
        }
    }

    fn peek(&self) -> Option<u16> {
        self.units.get(self.pos).map(|&u| u.unit())
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(0x09 | 0x0A | 0x0D | 0x20)) {
            self.pos += 1;
        }
    }

    /// Reads `c` if it is next.
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(u16::from(c)) {
            self.pos += 1;
            return true;
        }
        false
    }

    /// The SyntaxError for what is at the current position.
    fn unexpected(&self) -> boa_engine::JsError {
        let message = match self.peek() {
            None => "Unexpected end of JSON input".to_owned(),
            Some(unit) => {
                let shown = char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}');
                format!(
                    "Unexpected token '{shown}' in JSON at position {}",
                    self.pos
                )
            }
        };
        JsNativeError::syntax().with_message(message).into()
    }

    /// Keeps a record (when records are made), giving its index.
    fn record(&mut self, value: &JsValue, node: ParseNode) -> Option<usize> {
        let records = self.records.as_mut()?;
        records.push(ParseRecord {
            value: value.clone(),
            node,
        });
        Some(records.len() - 1)
    }

    /// The whole text: one value between optional whitespace.
    pub(super) fn parse(&mut self, context: &mut Context) -> JsResult<JsValue> {
        let mut open: Vec<Open> = Vec::new();
        'value: loop {
            // A value starts here.
            self.skip_whitespace();
            let mut done: Parsed = match self.peek() {
                Some(0x5B) => {
                    // "[": an array, closed at once when empty.
                    self.pos += 1;
                    // Deviation: no nesting limit in the spec; past this depth, a
                    // RangeError as in browsers.
                    if open.len() >= MAX_JSON_NESTING {
                        return Err(nesting_too_deep());
                    }
                    self.skip_whitespace();
                    if !self.eat(b']') {
                        open.push(Open::Array {
                            elements: Vec::new(),
                            records: Vec::new(),
                        });
                        continue 'value;
                    }
                    self.close_array(Vec::new(), Vec::new(), context)
                }
                Some(0x7B) => {
                    // "{": an object, closed at once when empty.
                    self.pos += 1;
                    // Deviation: no nesting limit in the spec; past this depth, a
                    // RangeError as in browsers.
                    if open.len() >= MAX_JSON_NESTING {
                        return Err(nesting_too_deep());
                    }
                    let object = JsObject::with_object_proto(context.intrinsics());
                    self.skip_whitespace();
                    if !self.eat(b'}') {
                        let name = self.parse_name()?;
                        open.push(Open::Object {
                            object,
                            name,
                            entries: HashMap::default(),
                        });
                        continue 'value;
                    }
                    let record = self.record(
                        &object.clone().into(),
                        ParseNode::Object(HashMap::default()),
                    );
                    (object.into(), record)
                }
                _ => self.parse_primitive()?,
            };
            // The value is complete: it goes to the array or object it is in, which may
            // end with it.
            loop {
                let Some(container) = open.last_mut() else {
                    self.skip_whitespace();
                    if self.pos < self.units.len() {
                        return Err(self.unexpected());
                    }
                    return Ok(done.0);
                };
                self.skip_whitespace();
                match container {
                    Open::Array { elements, records } => {
                        elements.push(done.0);
                        records.extend(done.1);
                        if self.eat(b',') {
                            continue 'value;
                        }
                        if !self.eat(b']') {
                            return Err(self.unexpected());
                        }
                        let (elements, records) =
                            (std::mem::take(elements), std::mem::take(records));
                        open.pop();
                        done = self.close_array(elements, records, context);
                    }
                    Open::Object {
                        object,
                        name,
                        entries,
                    } => {
                        // (PropertyDefinitionEvaluation for JSON: CreateDataPropertyOrThrow,
                        // "__proto__" included.)
                        object.create_data_property_or_throw(name.clone(), done.0, context)?;
                        if let Some(record) = done.1 {
                            entries.insert(name.clone(), record);
                        }
                        if self.eat(b',') {
                            self.skip_whitespace();
                            *name = self.parse_name()?;
                            continue 'value;
                        }
                        if !self.eat(b'}') {
                            return Err(self.unexpected());
                        }
                        let object = object.clone();
                        let entries = std::mem::take(entries);
                        open.pop();
                        let value: JsValue = object.into();
                        let record = self.record(&value, ParseNode::Object(entries));
                        done = (value, record);
                    }
                }
            }
        }
    }

    /// An array from its elements (CreateArrayFromList), with its record.
    fn close_array(
        &mut self,
        elements: Vec<JsValue>,
        records: Vec<usize>,
        context: &mut Context,
    ) -> Parsed {
        let value: JsValue = JsArray::from_iter(elements, context).into();
        let record = self.record(&value, ParseNode::Array(records));
        (value, record)
    }

    /// A member's name, its colon and the whitespace after it.
    fn parse_name(&mut self) -> JsResult<JsString> {
        if self.peek() != Some(u16::from(b'"')) {
            return Err(self.unexpected());
        }
        let name = self.parse_string()?;
        self.skip_whitespace();
        if !self.eat(b':') {
            return Err(self.unexpected());
        }
        Ok(name)
    }

    /// A string, number, true, false or null, with its record.
    fn parse_primitive(&mut self) -> JsResult<Parsed> {
        let start = self.pos;
        let value: JsValue = match self.peek() {
            Some(0x22) => self.parse_string()?.into(),
            Some(0x2D | 0x30..=0x39) => self.parse_number()?.into(),
            Some(0x74) => self.parse_literal("true", JsValue::new(true))?,
            Some(0x66) => self.parse_literal("false", JsValue::new(false))?,
            Some(0x6E) => self.parse_literal("null", JsValue::null())?,
            _ => return Err(self.unexpected()),
        };
        let record = self.record(&value, ParseNode::Primitive(start..self.pos));
        Ok((value, record))
    }

    fn parse_literal(&mut self, word: &str, value: JsValue) -> JsResult<JsValue> {
        for expected in word.bytes() {
            if !self.eat(expected) {
                return Err(self.unexpected());
            }
        }
        Ok(value)
    }

    /// A number: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, its value the
    /// Number nearest its decimal value (as a NumericLiteral's).
    fn parse_number(&mut self) -> JsResult<f64> {
        self.number.clear();
        if self.eat(b'-') {
            self.number.push('-');
        }
        if self.eat(b'0') {
            self.number.push('0');
        } else if matches!(self.peek(), Some(0x31..=0x39)) {
            self.digits();
        } else {
            return Err(self.unexpected());
        }
        if self.eat(b'.') {
            self.number.push('.');
            if !self.digits() {
                return Err(self.unexpected());
            }
        }
        if self.eat(b'e') || self.eat(b'E') {
            self.number.push('e');
            if self.eat(b'-') {
                self.number.push('-');
            } else {
                self.eat(b'+');
            }
            if !self.digits() {
                return Err(self.unexpected());
            }
        }
        self.number.parse::<f64>().map_err(|_| self.unexpected())
    }

    /// Reads decimal digits into the number's text; whether there was one.
    fn digits(&mut self) -> bool {
        let start = self.pos;
        while let Some(digit @ 0x30..=0x39) = self.peek() {
            self.number.push(char::from(digit as u8));
            self.pos += 1;
        }
        self.pos > start
    }

    /// A string (the current code unit is its opening quote).
    fn parse_string(&mut self) -> JsResult<JsString> {
        self.pos += 1;
        let start = self.pos;
        // (Without escapes, the string is the text's own code units.)
        loop {
            match self.peek() {
                Some(0x22) => {
                    self.pos += 1;
                    return Ok(T::string(&self.units[start..self.pos - 1]));
                }
                Some(0x5C) => break,
                Some(0x00..=0x1F) | None => return Err(self.unexpected()),
                Some(_) => self.pos += 1,
            }
        }
        self.scratch.clear();
        self.scratch
            .extend(self.units[start..self.pos].iter().map(|&u| u.unit()));
        loop {
            match self.peek() {
                Some(0x22) => {
                    self.pos += 1;
                    return Ok(JsString::from(self.scratch.as_slice()));
                }
                Some(0x5C) => {
                    self.pos += 1;
                    let unit = self.parse_escape()?;
                    self.scratch.push(unit);
                }
                Some(0x00..=0x1F) | None => return Err(self.unexpected()),
                Some(unit) => {
                    self.scratch.push(unit);
                    self.pos += 1;
                }
            }
        }
    }

    /// The code unit an escape stands for (after its backslash).
    fn parse_escape(&mut self) -> JsResult<u16> {
        let unit = match self.peek() {
            Some(0x22) => 0x22,
            Some(0x5C) => 0x5C,
            Some(0x2F) => 0x2F,
            Some(0x62) => 0x08,
            Some(0x66) => 0x0C,
            Some(0x6E) => 0x0A,
            Some(0x72) => 0x0D,
            Some(0x74) => 0x09,
            Some(0x75) => {
                self.pos += 1;
                let mut unit = 0u16;
                for _ in 0..4 {
                    let digit = self
                        .peek()
                        .and_then(|u| char::from_u32(u32::from(u))?.to_digit(16))
                        .ok_or_else(|| self.unexpected())?;
                    unit = unit * 16 + digit as u16;
                    self.pos += 1;
                }
                return Ok(unit);
            }
            _ => return Err(self.unexpected()),
        };
        self.pos += 1;
        Ok(unit)
    }
}

//! `window.open()`'s string processing: tokenizing the features argument, boolean
//! features, whether a popup is requested, and the noopener/noreferrer computation of
//! the window open steps.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#window-open-steps>

/// A tokenized features argument: an ordered map from feature name to value, in the
/// order names first appeared (a repeated name keeps its first place, with the last
/// value).
pub type TokenizedFeatures = Vec<(String, String)>;

/// Whether `c` is a feature separator: ASCII whitespace, `=` or `,`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#feature-separator>
fn is_feature_separator(c: char) -> bool {
    // A code point is a feature separator if it is ASCII whitespace, U+003D (=), or
    // U+002C (,).
    c.is_ascii_whitespace() || c == '=' || c == ','
}

/// Sets `map[name]` to `value`, keeping an existing entry's place (an ordered map's
/// "set").
fn set_feature(map: &mut TokenizedFeatures, name: String, value: String) {
    match map.iter_mut().find(|(n, _)| *n == name) {
        Some(entry) => entry.1 = value,
        None => map.push((name, value)),
    }
}

/// The value of `name` in `features`, if it is there.
pub fn get_feature<'a>(features: &'a TokenizedFeatures, name: &str) -> Option<&'a str> {
    features
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Removes `name` from `features`; returns its value if it was there.
fn remove_feature(features: &mut TokenizedFeatures, name: &str) -> Option<String> {
    let index = features.iter().position(|(n, _)| n == name)?;
    Some(features.remove(index).1)
}

/// The feature name the legacy aliases stand for: `screenx` → `left`, `screeny` →
/// `top`, `innerwidth` → `width`, `innerheight` → `height`; any other name as is.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#normalizing-the-feature-name>
pub fn normalize_the_feature_name(name: &str) -> &str {
    // For legacy reasons, there are some aliases of some feature names. To normalize
    // the feature name name, switch on name:
    match name {
        "screenx" => "left",
        "screeny" => "top",
        "innerwidth" => "width",
        "innerheight" => "height",
        other => other,
    }
}

/// Tokenizes `window.open()`'s features argument into an ordered map of lowercased
/// names and values.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#concept-window-open-features-tokenize>
pub fn tokenize_the_features(features: &str) -> TokenizedFeatures {
    let chars: Vec<char> = features.chars().collect();
    let at = |position: usize| chars.get(position).copied();
    let collect = |position: &mut usize, want_separator: bool| {
        let start = *position;
        while at(*position).is_some_and(|c| is_feature_separator(c) == want_separator) {
            *position += 1;
        }
        chars[start..*position].iter().collect::<String>()
    };
    // 1. Let tokenizedFeatures be a new ordered map.
    let mut tokenized_features = TokenizedFeatures::new();
    // 2. Let position point at the first code point of features.
    let mut position = 0;
    // 3. While position is not past the end of features:
    while position < chars.len() {
        // 3.1. Let name be the empty string. 3.2. Let value be the empty string.
        let mut value = String::new();
        // 3.3. Collect a sequence of code points that are feature separators from
        //      features given position. This skips past leading separators before the
        //      name.
        collect(&mut position, true);
        // 3.4. Collect a sequence of code points that are not feature separators from
        //      features given position. Set name to the collected characters, converted
        //      to ASCII lowercase.
        let name = collect(&mut position, false).to_ascii_lowercase();
        // 3.5. Set name to the result of normalizing the feature name name.
        let name = normalize_the_feature_name(&name).to_owned();
        // 3.6. While position is not past the end of features and the code point at
        //      position in features is not U+003D (=):
        while let Some(c) = at(position)
            && c != '='
        {
            // 3.6.1. If the code point at position in features is U+002C (,), or if it
            //        is not a feature separator, then break.
            if c == ',' || !is_feature_separator(c) {
                break;
            }
            // 3.6.2. Advance position by 1.
            position += 1;
        }
        // 3.7. If the code point at position in features is a feature separator:
        if at(position).is_some_and(is_feature_separator) {
            // 3.7.1. While position is not past the end of features and the code point
            //        at position in features is a feature separator:
            while let Some(c) = at(position)
                && is_feature_separator(c)
            {
                // 3.7.1.1. If the code point at position in features is U+002C (,),
                //          then break.
                if c == ',' {
                    break;
                }
                // 3.7.1.2. Advance position by 1.
                position += 1;
            }
            // 3.7.2. Collect a sequence of code points that are not feature separators
            //        code points from features given position. Set value to the
            //        collected code points, converted to ASCII lowercase.
            value = collect(&mut position, false).to_ascii_lowercase();
        }
        // 3.8. If name is not the empty string, then set tokenizedFeatures[name] to
        //      value.
        if !name.is_empty() {
            set_feature(&mut tokenized_features, name, value);
        }
    }
    // 4. Return tokenizedFeatures.
    tokenized_features
}

/// Whether a feature is set: its value parsed as a boolean feature, or `default_value`
/// when it is absent.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#concept-window-open-features-enabled>
pub fn check_if_a_window_feature_is_set(
    tokenized_features: &TokenizedFeatures,
    feature_name: &str,
    default_value: bool,
) -> bool {
    // 1. If tokenizedFeatures[featureName] exists, then return the result of parsing
    //    tokenizedFeatures[featureName] as a boolean feature.
    // 2. Return defaultValue.
    get_feature(tokenized_features, feature_name).map_or(default_value, parse_a_boolean_feature)
}

/// Whether the features ask for a popup window (minimal UI) rather than a tab.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#popup-window-is-requested>
pub fn check_if_a_popup_window_is_requested(tokenized_features: &TokenizedFeatures) -> bool {
    let is_set =
        |name, default| check_if_a_window_feature_is_set(tokenized_features, name, default);
    // 1. If tokenizedFeatures is empty, then return false.
    if tokenized_features.is_empty() {
        return false;
    }
    // 2. If tokenizedFeatures["popup"] exists, then return the result of parsing
    //    tokenizedFeatures["popup"] as a boolean feature.
    if let Some(popup) = get_feature(tokenized_features, "popup") {
        return parse_a_boolean_feature(popup);
    }
    // 3. Let location be the result of checking if a window feature is set, given
    //    tokenizedFeatures, "location", and false.
    // 4. Let toolbar be ... "toolbar", and false.
    // 5. If location and toolbar are both false, then return true.
    if !is_set("location", false) && !is_set("toolbar", false) {
        return true;
    }
    // 6. Let menubar be ... "menubar", and false. 7. If menubar is false, return true.
    // 8. Let resizable be ... "resizable", and true. 9. If resizable is false, return
    //    true.
    // 10. Let scrollbars be ... "scrollbars", and false. 11. If scrollbars is false,
    //     return true.
    // 12. Let status be ... "status", and false. 13. If status is false, return true.
    let all_set = is_set("menubar", false)
        && is_set("resizable", true)
        && is_set("scrollbars", false)
        && is_set("status", false);
    // 14. Return false.
    !all_set
}

/// Parses a feature value as a boolean: `""`, `"yes"`, `"true"` and nonzero integers
/// are true; anything else is false.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#concept-window-open-features-parse-boolean>
pub fn parse_a_boolean_feature(value: &str) -> bool {
    // 1. If value is the empty string, then return true.
    // 2. If value is "yes", then return true.
    // 3. If value is "true", then return true.
    if matches!(value, "" | "yes" | "true") {
        return true;
    }
    // 4. Let parsed be the result of parsing value as an integer.
    // 5. If parsed is an error, then set it to 0.
    let parsed = rules_for_parsing_integers(value).unwrap_or(0);
    // 6. Return false if parsed is 0, and true otherwise.
    parsed != 0
}

/// Parses a string as an integer: optional leading ASCII whitespace and sign, then
/// digits (anything after them is ignored). `None` is the spec's error. Values past
/// `i64`'s range saturate.
///
/// Spec: <https://html.spec.whatwg.org/multipage/common-microsyntaxes.html#rules-for-parsing-integers>
pub fn rules_for_parsing_integers(input: &str) -> Option<i64> {
    // 1. Let input be the string being parsed.
    // 2. Let position be a pointer into input, initially pointing at the start.
    // 3. Let sign have the value "positive".
    // 4. Skip ASCII whitespace within input given position.
    let rest = input.trim_start_matches(|c: char| c.is_ascii_whitespace());
    // 5. If position is past the end of input, return an error.
    // 6. If the character indicated by position is "-": set sign to "negative",
    //    advance position; if position is past the end of input, return an error.
    //    Otherwise, if it is "+": advance position; if past the end, return an error.
    let (negative, rest) = match rest.as_bytes().first()? {
        b'-' => (true, &rest[1..]),
        b'+' => (false, &rest[1..]),
        _ => (false, rest),
    };
    // 7. If the character indicated by position is not an ASCII digit, then return an
    //    error.
    // 8. Collect a sequence of code points that are ASCII digits from input given
    //    position, and interpret the resulting sequence as a base-ten integer. Let
    //    value be that integer.
    let digits = rest.bytes().take_while(u8::is_ascii_digit);
    let mut value: i64 = 0;
    let mut any = false;
    for digit in digits {
        any = true;
        value = value
            .saturating_mul(10)
            .saturating_add(i64::from(digit - b'0'));
    }
    if !any {
        return None;
    }
    // 9. If sign is "positive", return value, otherwise return the result of
    //    subtracting value from zero.
    Some(if negative { -value } else { value })
}

/// What steps 5–11 of the window open steps make of `window.open()`'s target and
/// features arguments, before choosing a navigable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WindowOpenRequest {
    /// The target name (`"_blank"` for an empty target).
    pub target: String,
    /// The tokenized features, without `noopener` and `noreferrer`.
    pub tokenized_features: TokenizedFeatures,
    /// Whether the new window gets no opener (also set by `noreferrer`).
    pub noopener: bool,
    /// Whether no referrer is sent.
    pub noreferrer: bool,
    /// The referrer policy for the navigation: `""` or `"no-referrer"`.
    pub referrer_policy: &'static str,
}

impl WindowOpenRequest {
    /// Step 14.1: whether a newly created window is a popup (see
    /// [`check_if_a_popup_window_is_requested`]).
    pub fn is_popup(&self) -> bool {
        check_if_a_popup_window_is_requested(&self.tokenized_features)
    }
}

/// Steps 5–11 of the window open steps: the target, the tokenized features, noopener,
/// noreferrer and the referrer policy, from `window.open()`'s `target` and `features`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#window-open-steps>
pub fn window_open_target_and_features(target: &str, features: &str) -> WindowOpenRequest {
    // 1.-4. (the termination nesting level, the source document and parsing the URL)
    //    are the embedder's.
    // 5. If target is the empty string, then set target to "_blank".
    let target = if target.is_empty() { "_blank" } else { target };
    // 6. Let tokenizedFeatures be the result of tokenizing features.
    let mut tokenized_features = tokenize_the_features(features);
    // 7. Let noopener and noreferrer be false.
    let mut noopener = false;
    let mut noreferrer = false;
    // 8. If tokenizedFeatures["noopener"] exists, then: set noopener to the result of
    //    parsing tokenizedFeatures["noopener"] as a boolean feature; remove
    //    tokenizedFeatures["noopener"].
    if let Some(value) = remove_feature(&mut tokenized_features, "noopener") {
        noopener = parse_a_boolean_feature(&value);
    }
    // 9. If tokenizedFeatures["noreferrer"] exists, then: likewise for noreferrer.
    if let Some(value) = remove_feature(&mut tokenized_features, "noreferrer") {
        noreferrer = parse_a_boolean_feature(&value);
    }
    // 10. Let referrerPolicy be the empty string.
    let mut referrer_policy = "";
    // 11. If noreferrer is true, then set noopener to true and set referrerPolicy to
    //     "no-referrer".
    if noreferrer {
        noopener = true;
        referrer_policy = "no-referrer";
    }
    // 12.-17. (choosing a navigable, navigating, the return value) are the embedder's:
    // see `the_rules_for_choosing_a_navigable` and `window_open_returns_null`.
    WindowOpenRequest {
        target: target.to_owned(),
        tokenized_features,
        noopener,
        noreferrer,
        referrer_policy,
    }
}

/// Step 16 of the window open steps: whether `window.open()` returns null rather than
/// the chosen navigable's `WindowProxy` (it does with noopener, or for a window forced
/// to have no opener).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#window-open-steps>
pub fn window_open_returns_null(
    noopener: bool,
    window_type: crate::choosing_a_navigable::WindowType,
) -> bool {
    // 16. If noopener is true or windowType is "new with no opener", then return null.
    noopener || window_type == crate::choosing_a_navigable::WindowType::NewWithNoOpener
}

#[cfg(test)]
mod tests;

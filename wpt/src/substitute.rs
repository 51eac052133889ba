//! wptserve's `sub` pipe: `{{...}}` substitutions in `.sub.` files.
//!
//! Follows wptserve's documented template language: `{{host}}`, `{{domains[sub]}}`,
//! `{{hosts[alt][sub]}}`, `{{ports[scheme][i]}}`, `{{location[field]}}`, `{{GET[name]}}`,
//! `{{headers[name]}}`, `{{header_or_default(name, default)}}`, `{{uuid()}}`,
//! `{{url_base}}`, and variables (`{{$id:uuid()}}`, then `{{$id}}`). Values are HTML-escaped
//! (the pipe's default escape type).

use std::collections::HashMap;

use url::Url;

use super::config;

/// What a substitution may read: the request.
pub struct Request<'a> {
    /// The requested URL.
    pub url: &'a Url,
}

/// One token of an expression.
#[derive(Debug, PartialEq)]
enum Token {
    Var(String),
    Ident(String),
    Index(String),
    Arguments(Vec<String>),
}

fn tokenize(expression: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut rest = expression.trim();
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']')?;
            tokens.push(Token::Index(inner[..end].to_string()));
            rest = &inner[end + 1..];
        } else if let Some(inner) = rest.strip_prefix('(') {
            let end = inner.find(')')?;
            let args = inner[..end].trim();
            let args = if args.is_empty() {
                Vec::new()
            } else {
                args.split(',').map(|a| a.trim().to_string()).collect()
            };
            tokens.push(Token::Arguments(args));
            rest = &inner[end + 1..];
        } else {
            let dollar = rest.starts_with('$');
            let body = if dollar { &rest[1..] } else { rest };
            let len = body
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(body.len());
            if len == 0 {
                return None;
            }
            let word = &body[..len];
            let after = &body[len..];
            if dollar && after.starts_with(':') {
                tokens.push(Token::Var(word.to_string()));
                rest = &after[1..];
            } else {
                let name = if dollar {
                    format!("${word}")
                } else {
                    word.to_string()
                };
                tokens.push(Token::Ident(name));
                rest = after;
            }
        }
    }
    Some(tokens)
}

/// A fresh version-4 UUID.
fn uuid() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let seed = COUNTER.fetch_add(1, Ordering::Relaxed)
        ^ std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
    // splitmix64 to spread the bits.
    let mut x = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut next = || {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let (a, b) = (next(), next());
    let a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x4000;
    let b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xFFFF,
        a & 0xFFFF,
        b >> 48,
        b & 0xFFFF_FFFF_FFFF
    )
}

fn query_param(url: &Url, name: &str) -> String {
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

fn location(url: &Url, field: &str) -> Option<String> {
    let hostname = url.host_str().unwrap_or("").to_string();
    let port = url.port_or_known_default().unwrap_or(0);
    Some(match field {
        "server" => format!("{}://{hostname}:{port}", url.scheme()),
        "scheme" => url.scheme().to_string(),
        "host" => format!("{hostname}:{port}"),
        "hostname" => hostname,
        "port" => port.to_string(),
        "path" | "pathname" => url.path().to_string(),
        "query" => format!("?{}", url.query().unwrap_or("")),
        _ => return None,
    })
}

/// Evaluates one expression (the text between `{{` and `}}`).
fn evaluate(
    expression: &str,
    request: &Request<'_>,
    variables: &mut HashMap<String, String>,
) -> Option<String> {
    let mut tokens = tokenize(expression)?.into_iter();
    let mut first = tokens.next()?;
    let variable = match first {
        Token::Var(name) => {
            first = tokens.next()?;
            Some(format!("${name}"))
        }
        _ => None,
    };
    let Token::Ident(field) = first else {
        return None;
    };
    let rest: Vec<Token> = tokens.collect();
    let value = if let Some(value) = variables.get(&field) {
        value.clone()
    } else {
        match (field.as_str(), rest.as_slice()) {
            ("host", []) => config::BROWSER_HOST.to_string(),
            ("url_base", []) => "/".to_string(),
            ("uuid", [Token::Arguments(_)]) => uuid(),
            ("domains", [Token::Index(sub)]) => config::host_name(false, sub),
            ("hosts", [Token::Index(alt), Token::Index(sub)]) => {
                config::host_name(alt == "alt", sub)
            }
            ("ports", [Token::Index(scheme), Token::Index(i)]) => {
                let i: usize = i.parse().ok()?;
                config::ports(scheme).get(i)?.to_string()
            }
            ("location", [Token::Index(f)]) => location(request.url, f)?,
            ("GET", [Token::Index(name)]) => query_param(request.url, name),
            // No request headers reach the virtual server: every header is absent.
            ("headers", [Token::Index(_)]) => String::new(),
            ("header_or_default", [Token::Arguments(args)]) => {
                args.get(1).cloned().unwrap_or_default()
            }
            _ => return None,
        }
    };
    if let Some(variable) = variable {
        variables.insert(variable, value.clone());
    }
    Some(value)
}

fn escape_html(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

/// Applies the `sub` pipe to `content`. An expression it cannot evaluate is left as written.
pub fn substitute(content: &str, request: &Request<'_>) -> String {
    let mut out = String::with_capacity(content.len());
    let mut variables = HashMap::new();
    let mut rest = content;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let expression = &after[..end];
        match (!expression.contains('}'))
            .then(|| evaluate(expression, request, &mut variables))
            .flatten()
        {
            Some(value) => out.push_str(&escape_html(&value)),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(template: &str, url: &str) -> String {
        let url = Url::parse(url).unwrap_or_else(|e| panic!("{url}: {e}"));
        substitute(template, &Request { url: &url })
    }

    #[test]
    fn substitutions_as_wptserve_documents_them() {
        let url = "http://web-platform.test:8000/a/b.sub.html?x=1&y=%3Cz%3E";
        let cases = [
            ("{{host}}", "web-platform.test"),
            ("{{domains[www]}}", "www.web-platform.test"),
            ("{{domains[www1]}}", "www1.web-platform.test"),
            (
                "{{domains[天気の良い日]}}",
                "xn--n8j6ds53lwwkrqhv28a.web-platform.test",
            ),
            ("{{hosts[alt][]}}", "not-web-platform.test"),
            ("{{hosts[][]}}", "web-platform.test"),
            ("{{hosts[alt][www2]}}", "www2.not-web-platform.test"),
            ("{{ports[http][0]}}", "8000"),
            ("{{ports[http][1]}}", "8001"),
            ("{{ports[https][0]}}", "8443"),
            ("{{location[scheme]}}", "http"),
            ("{{location[port]}}", "8000"),
            ("{{location[host]}}", "web-platform.test:8000"),
            ("{{location[server]}}", "http://web-platform.test:8000"),
            ("{{location[path]}}", "/a/b.sub.html"),
            ("{{location[query]}}", "?x=1&amp;y=%3Cz%3E"),
            ("{{GET[x]}}", "1"),
            ("{{GET[y]}}", "&lt;z&gt;"),
            ("{{GET[missing]}}", ""),
            ("{{header_or_default(X-Test, absent)}}", "absent"),
            ("a{{nonsense}}b", "a{{nonsense}}b"),
            ("{{unterminated", "{{unterminated"),
        ];
        for (template, expected) in cases {
            assert_eq!(sub(template, url), expected, "{template}");
        }
    }

    #[test]
    fn variables_and_uuids() {
        let out = sub("{{$id:uuid()}} {{$id}}", "http://web-platform.test:8000/");
        let (a, b) = out.split_once(' ').unwrap_or(("", "x"));
        assert_eq!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert_ne!(sub("{{uuid()}}", "http://web-platform.test:8000/"), a);
    }
}

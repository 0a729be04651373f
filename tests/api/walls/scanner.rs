//! A small reader of Rust source, enough for the walls test: it blanks out comments and
//! literals, lists every path the code names (grouped `use` trees expanded), and measures
//! functions. It relies on `cargo fmt` layout only for `fn` headers starting a line.

/// One path named by the code, e.g. `crate::db::programme::webinars`, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub line: usize,
    pub path: Vec<String>,
}

impl Named {
    pub fn text(&self) -> String {
        self.path.join("::")
    }
}

/// One function: its name, the line of its `fn` and how many lines it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    pub name: String,
    pub line: usize,
    pub lines: usize,
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The source with comments removed and string and char literals emptied (`""`, `' '`).
/// Newlines are kept, so line numbers still match the file.
pub fn strip(src: &str) -> String {
    let s: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let keep_newlines = |out: &mut String, part: &[char]| {
        out.extend(part.iter().filter(|c| **c == '\n'));
    };
    while i < s.len() {
        let c = s[i];
        let next = s.get(i + 1).copied();
        let prev_ident = i > 0 && is_ident(s[i - 1]);
        if c == '/' && next == Some('/') {
            while i < s.len() && s[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let end = block_comment_end(&s, i);
            keep_newlines(&mut out, &s[i..end]);
            i = end;
        } else if c == '"' {
            let end = string_end(&s, i + 1);
            out.push_str("\"\"");
            keep_newlines(&mut out, &s[i..end]);
            i = end;
        } else if c == 'r' && raw_string_start(&s, i) {
            let end = raw_string_end(&s, i + 1);
            out.push_str("\"\"");
            keep_newlines(&mut out, &s[i..end]);
            i = end;
        } else if c == '\'' && !prev_ident {
            match char_literal_end(&s, i) {
                Some(end) => {
                    out.push_str("' '");
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn block_comment_end(s: &[char], start: usize) -> usize {
    let (mut depth, mut i) = (0, start);
    while i < s.len() {
        if s[i] == '/' && s.get(i + 1) == Some(&'*') {
            depth += 1;
            i += 2;
        } else if s[i] == '*' && s.get(i + 1) == Some(&'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    s.len()
}

/// Index just past the closing quote of a string whose body starts at `i`.
fn string_end(s: &[char], mut i: usize) -> usize {
    while i < s.len() {
        match s[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    s.len()
}

/// `r"…"`, `r#"…"#`, `br"…"`: an `r` that is not the end of a longer identifier.
fn raw_string_start(s: &[char], i: usize) -> bool {
    let before_ok = match i {
        0 => true,
        1 => !is_ident(s[0]) || s[0] == 'b',
        _ => !is_ident(s[i - 1]) || (s[i - 1] == 'b' && !is_ident(s[i - 2])),
    };
    let mut j = i + 1;
    while s.get(j) == Some(&'#') {
        j += 1;
    }
    before_ok && s.get(j) == Some(&'"')
}

fn raw_string_end(s: &[char], mut i: usize) -> usize {
    let mut hashes = 0;
    while s.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // the opening quote
    while i < s.len() {
        if s[i] == '"' && (1..=hashes).all(|k| s.get(i + k) == Some(&'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
    s.len()
}

/// `'x'`, `'\n'`, `'\u{2068}'`; `None` for a lifetime or a label (`'a`, `'static`).
fn char_literal_end(s: &[char], i: usize) -> Option<usize> {
    if s.get(i + 1) == Some(&'\\') {
        let mut j = i + 2;
        while j < s.len() && s[j] != '\'' && s[j] != '\n' {
            j += 1;
        }
        return (s.get(j) == Some(&'\'')).then_some(j + 1);
    }
    (s.get(i + 2) == Some(&'\'')).then_some(i + 3)
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Path,  // `::`
    Open,  // `{`
    Close, // `}`
    Comma,
    Star,
    Other(char),
}

fn tokens(stripped: &str) -> Vec<(Token, usize)> {
    let s: Vec<char> = stripped.chars().collect();
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    while i < s.len() {
        let c = s[i];
        if c == '\n' {
            line += 1;
        }
        if is_ident(c) {
            let start = i;
            while i < s.len() && is_ident(s[i]) {
                i += 1;
            }
            let word: String = s[start..i].iter().collect();
            let token = if c.is_ascii_digit() {
                Token::Other('0')
            } else {
                Token::Ident(word)
            };
            out.push((token, line));
            continue;
        }
        let token = match c {
            ':' if s.get(i + 1) == Some(&':') => {
                i += 1;
                Token::Path
            }
            '{' => Token::Open,
            '}' => Token::Close,
            ',' => Token::Comma,
            '*' => Token::Star,
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            c => Token::Other(c),
        };
        out.push((token, line));
        i += 1;
    }
    out
}

/// Every path the stripped source names. A path starts at an identifier not preceded by
/// `::`; `a::{b, c::d}` gives `a::b` and `a::c::d`; `a::{self}` gives `a`. One-segment paths
/// are kept only as attributes (`#[diesel(…)]`): a lone word is a local name, not a crate.
pub fn paths(stripped: &str) -> Vec<Named> {
    let toks = tokens(stripped);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let starts_path =
            matches!(toks[i].0, Token::Ident(_)) && (i == 0 || toks[i - 1].0 != Token::Path);
        if !starts_path {
            i += 1;
            continue;
        }
        let attribute =
            i >= 2 && toks[i - 1].0 == Token::Other('[') && toks[i - 2].0 == Token::Other('#');
        let mut found = Vec::new();
        i = path_tree(&toks, i, Vec::new(), &mut found);
        out.extend(found.into_iter().filter(|n| n.path.len() > 1 || attribute));
    }
    out
}

/// Reads one path (or use tree) from `i` under `prefix`; returns the index after it.
fn path_tree(
    toks: &[(Token, usize)],
    mut i: usize,
    prefix: Vec<String>,
    out: &mut Vec<Named>,
) -> usize {
    let mut segs = prefix;
    let mut line = toks.get(i).map_or(0, |t| t.1);
    loop {
        match toks.get(i).map(|t| &t.0) {
            Some(Token::Ident(w)) => {
                if w != "self" || segs.is_empty() {
                    segs.push(w.clone());
                }
                line = toks[i].1;
            }
            Some(Token::Star) => {
                segs.push("*".into());
                line = toks[i].1;
            }
            Some(Token::Open) if !segs.is_empty() => return use_group(toks, i + 1, segs, out),
            _ => break,
        }
        i += 1;
        if toks.get(i).map(|t| &t.0) != Some(&Token::Path) {
            break;
        }
        i += 1;
    }
    if !segs.is_empty() {
        out.push(Named { line, path: segs });
    }
    i
}

/// The inside of `{ … }` in a use tree, from just after the `{`.
fn use_group(
    toks: &[(Token, usize)],
    mut i: usize,
    prefix: Vec<String>,
    out: &mut Vec<Named>,
) -> usize {
    loop {
        match toks.get(i).map(|t| &t.0) {
            None => return i,
            Some(Token::Close) => return i + 1,
            Some(Token::Comma) => i += 1,
            Some(Token::Ident(w)) if w == "as" => i += 2, // `x as y`: the alias is no path
            Some(Token::Ident(_)) | Some(Token::Star) | Some(Token::Open) => {
                let before = i;
                i = path_tree(toks, i, prefix.clone(), out);
                if i == before {
                    i += 1;
                }
            }
            Some(_) => return skip_group(toks, i),
        }
    }
}

/// Not a use tree after all (a struct literal, a block): skip to its closing brace.
fn skip_group(toks: &[(Token, usize)], mut i: usize) -> usize {
    let mut depth = 1;
    while i < toks.len() && depth > 0 {
        match toks[i].0 {
            Token::Open => depth += 1,
            Token::Close => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// Every function with a body, measured from its `fn` line to its closing brace (braces
/// matched in the stripped source, so braces in strings and comments do not count).
pub fn functions(stripped: &str) -> Vec<Function> {
    let s: Vec<char> = stripped.chars().collect();
    let mut line_of = Vec::with_capacity(s.len());
    let mut line = 1;
    for c in &s {
        line_of.push(line);
        if *c == '\n' {
            line += 1;
        }
    }
    let mut out = Vec::new();
    let mut offset = 0;
    for (n, text) in stripped.split('\n').enumerate() {
        if let Some((name, at)) = fn_header(text)
            && let Some(end) = body_end(&s, offset + at)
        {
            out.push(Function {
                name,
                line: n + 1,
                lines: line_of[end] - n,
            });
        }
        offset += text.chars().count() + 1;
    }
    out
}

/// `fn name` after optional `pub(…)`, `const`, `async`, `unsafe`, `extern ""` at the start
/// of a line: the name and the char index where the signature starts.
fn fn_header(line: &str) -> Option<(String, usize)> {
    let indent = line.chars().take_while(|c| c.is_whitespace()).count();
    let mut rest = line.trim_start();
    loop {
        if let Some(r) = rest.strip_prefix("pub(") {
            rest = r.split_once(')')?.1.trim_start();
            continue;
        }
        let qualifier = [
            "pub ",
            "const ",
            "async ",
            "unsafe ",
            "extern \"\" ",
            "default ",
        ]
        .iter()
        .find_map(|q| rest.strip_prefix(q));
        match qualifier {
            Some(r) => rest = r.trim_start(),
            None => break,
        }
    }
    let name: String = rest
        .strip_prefix("fn ")?
        .trim_start()
        .chars()
        .take_while(|c| is_ident(*c) || *c == '$')
        .collect();
    (!name.is_empty()).then_some((name, indent))
}

/// The index of the brace closing the body of the function whose header starts at `i`;
/// `None` for a declaration without body (`fn f();` in a trait).
fn body_end(s: &[char], mut i: usize) -> Option<usize> {
    let mut nesting = 0; // parentheses and brackets of the signature
    while i < s.len() {
        match s[i] {
            '(' | '[' => nesting += 1,
            ')' | ']' => nesting -= 1,
            ';' if nesting == 0 => return None,
            '{' if nesting == 0 => break,
            _ => {}
        }
        i += 1;
    }
    let mut depth = 0;
    while i < s.len() {
        match s[i] {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<String> {
        paths(&strip(src)).iter().map(Named::text).collect()
    }

    #[test]
    fn comments_strings_and_chars_are_blanked_but_lines_kept() {
        let src = "a // diesel::x\n/* lettre::y\n */ b \"tokio::z\" '{' 'a r#\"q::w\"# c";
        let out = strip(src);
        assert_eq!(out.matches('\n').count(), 2);
        assert!(!out.contains("diesel") && !out.contains("lettre") && !out.contains("tokio"));
        assert!(!out.contains("q::w") && !out.contains('{'));
        assert!(out.contains("'a") && out.ends_with(" c"));
    }

    #[test]
    fn grouped_uses_and_expression_paths_are_expanded() {
        assert_eq!(
            texts("use crate::{db::{self, programme}, domain::*};\nlet x = crate::db::y::z(1);"),
            [
                "crate::db",
                "crate::db::programme",
                "crate::domain::*",
                "crate::db::y::z"
            ]
        );
        assert_eq!(texts("use a::b as c; let v = x.diesel;"), ["a::b"]);
        assert_eq!(texts("#[diesel(table_name = t)]\nstruct S;"), ["diesel"]);
        let named = paths(&strip("use std::{\n    fmt,\n    io::Write,\n};"));
        assert_eq!(
            named[1],
            Named {
                line: 3,
                path: vec!["std".into(), "io".into(), "Write".into()]
            }
        );
    }

    #[test]
    fn functions_are_measured_from_fn_to_their_closing_brace() {
        let src = "pub(crate) async fn a(x: [u8; 2]) -> u8 {\n    let s = \"}\";\n    1\n}\n\
                   trait T {\n    fn b();\n    fn c() {}\n}\n";
        let found = functions(&strip(src));
        let sizes: Vec<(&str, usize, usize)> = found
            .iter()
            .map(|f| (f.name.as_str(), f.line, f.lines))
            .collect();
        assert_eq!(sizes, [("a", 1, 4), ("c", 7, 1)]);
    }
}

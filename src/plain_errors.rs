//! A preset that does not parse, said in words a clinician reads: what is wrong, the likely
//! cause (an unclosed bracket, a missing comma, a quote left open), and the line itself with a
//! mark under the place. The field-level problems (`Scenario::validate`) are already in plain
//! words; this is for the RON syntax underneath.

use ron::error::Error;

/// What a RON error means, in plain words, with its likely cause.
pub fn syntax(code: &Error) -> String {
    match code {
        Error::ExpectedComma => "a comma is missing before this point: put a `,` after the value \
            that ends just before it (or a bracket opened above was not closed)"
            .to_owned(),
        Error::ExpectedStructLikeEnd | Error::ExpectedArrayEnd | Error::ExpectedMapEnd => {
            "a closing bracket is missing here: every `(` needs its `)` and every `[` its `]` \
             (or a comma is missing between two entries)"
                .to_owned()
        }
        Error::ExpectedOptionEnd => {
            "the `Some(` before this point is not closed with `)`".to_owned()
        }
        Error::Eof => "the file ends too early: a bracket opened above is never closed (count \
            the `(` and `)`, the `[` and `]`)"
            .to_owned(),
        Error::TrailingCharacters => "there is more text after the scenario's last closing \
            bracket: a bracket above was closed too early, or something is left over at the end"
            .to_owned(),
        Error::ExpectedString => {
            "a text in double quotes is expected here, e.g. \"My scenario\"".to_owned()
        }
        Error::ExpectedStringEnd => {
            "a text in quotes is not closed: add the missing `\"`".to_owned()
        }
        Error::ExpectedFloat | Error::ExpectedInteger => {
            "a number is expected here (use a dot for decimals: 2.5, not 2,5)".to_owned()
        }
        Error::ExpectedBoolean => "`true` or `false` is expected here".to_owned(),
        Error::ExpectedOption => {
            "an optional value is written `Some(…)`, or `None` when there is none".to_owned()
        }
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) => {
            "a group of fields in brackets is expected here, e.g. `(from_day: 14)`".to_owned()
        }
        Error::ExpectedArray => {
            "a list in square brackets is expected here, e.g. `[ … ]`".to_owned()
        }
        Error::ExpectedMapColon => {
            "a `:` is missing between a field's name and its value".to_owned()
        }
        Error::ExpectedIdentifier => "a field name is expected here".to_owned(),
        Error::UnclosedBlockComment => {
            "a comment opened with `/*` is never closed with `*/`".to_owned()
        }
        Error::UnexpectedChar(c) => format!("the character `{c}` does not belong here"),
        Error::NoSuchStructField {
            expected, found, ..
        } => format!(
            "there is no field `{found}` here; the fields here are: {}",
            expected.join(", ")
        ),
        Error::NoSuchEnumVariant {
            expected, found, ..
        } => format!("`{found}` is not one of: {}", expected.join(", ")),
        Error::DuplicateStructField { field, .. } => {
            format!("the field `{field}` is written twice: keep one")
        }
        Error::ExceededRecursionLimit => {
            "the brackets nest too deep: a scenario needs only a few levels".to_owned()
        }
        Error::SuggestRawIdentifier(_) | Error::InvalidIdentifier(_) => {
            "a name or number is written wrongly here (decimals take a dot: 2.8, not 2,8)"
                .to_owned()
        }
        other => format!("the file cannot be read here: {other}"),
    }
}

/// The plain words for `code` at `line`, `col` of `text`, the line shown, and, when the file
/// opens a bracket it never closes, where that bracket is (the usual cause of a "missing comma"
/// or "ends too early" far below the real mistake).
pub fn describe(code: &Error, text: &str, line: usize, col: usize) -> String {
    let mut out = syntax(code);
    out.push_str(&snippet(text, line, col));
    let bracket_trouble = matches!(
        code,
        Error::ExpectedComma
            | Error::Eof
            | Error::ExpectedStructLikeEnd
            | Error::ExpectedArrayEnd
            | Error::TrailingCharacters
    );
    if bracket_trouble && let Some((open_line, open_col, c)) = unclosed_bracket(text) {
        out.push_str(&format!(
            "\n    Likely cause: the `{c}` opened on line {open_line} is never closed:{}",
            snippet(text, open_line, open_col)
        ));
    }
    out
}

/// A bracket `(` or `[` that `text` opens and never closes (line, column, 1-based), skipping
/// strings and comments; `None` when the brackets balance. A closing bracket that starts its line
/// closes the bracket opened on a line indented as far (as a person lays a preset out), so a
/// bracket left open inside is found where it was opened, not at the end of the file.
pub fn unclosed_bracket(text: &str) -> Option<(usize, usize, char)> {
    // (line, column, bracket, indentation of its line)
    let mut stack: Vec<(usize, usize, char, usize)> = Vec::new();
    let mut left_open = None;
    let (mut in_string, mut escaped) = (false, false);
    for (i, l) in text.lines().enumerate() {
        let indent = l.len() - l.trim_start().len();
        let mut chars = l.chars().enumerate().peekable();
        while let Some((j, c)) = chars.next() {
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => break,
                '(' | '[' => stack.push((i + 1, j + 1, c, indent)),
                ')' | ']' => {
                    if j == indent {
                        // Brackets opened on deeper lines and still open were never closed.
                        while stack.last().is_some_and(|o| o.3 > indent) {
                            let o = stack.pop().expect("checked");
                            left_open.get_or_insert((o.0, o.1, o.2));
                        }
                    }
                    stack.pop();
                }
                _ => {}
            }
        }
    }
    left_open.or_else(|| stack.pop().map(|o| (o.0, o.1, o.2)))
}

/// The line `line` (1-based) of `text` with a `^` under column `col`, indented, for a message.
/// Empty when the line does not exist.
pub fn snippet(text: &str, line: usize, col: usize) -> String {
    let Some(content) = line.checked_sub(1).and_then(|i| text.lines().nth(i)) else {
        return String::new();
    };
    // Long lines (a description) are cut around the column so the mark stays in view.
    const WIDTH: usize = 100;
    let chars: Vec<char> = content.chars().collect();
    let col0 = col.saturating_sub(1).min(chars.len());
    let start = col0.saturating_sub(WIDTH / 2);
    let end = (start + WIDTH).min(chars.len());
    let shown: String = chars[start..end].iter().collect();
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < chars.len() { "…" } else { "" };
    let number = format!("{line} | ");
    let pad = " ".repeat(number.chars().count() + lead.chars().count() + (col0 - start));
    format!("\n    {number}{lead}{shown}{tail}\n    {pad}^")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_sits_under_the_column() {
        let s = snippet("a\n    horizon_days: 28\n", 2, 5);
        assert_eq!(s, "\n    2 |     horizon_days: 28\n            ^");
        assert_eq!(snippet("a", 9, 1), "");
    }

    #[test]
    fn the_unclosed_bracket_is_found_past_strings_and_comments() {
        let text = "(\n  name: \"a ( b\", // (\n  schedule: (rules: [],\n  horizon_days: 28,\n)\n";
        assert_eq!(unclosed_bracket(text), Some((3, 13, '(')));
        // A bracket left open inside, with the file's own last `)` at the start of its line.
        let inner = "(\n    schedule: (rules: [],\n    horizon_days: 28,\n)\n";
        assert_eq!(unclosed_bracket(inner), Some((2, 15, '(')));
        assert_eq!(unclosed_bracket("( [ ] )"), None);
    }

    #[test]
    fn a_long_line_is_cut_around_the_mark() {
        let line = "x".repeat(500);
        let s = snippet(&line, 1, 300);
        assert!(s.lines().nth(1).unwrap().chars().count() < 120);
        assert!(s.contains('…'));
    }
}

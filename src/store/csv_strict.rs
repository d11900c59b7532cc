//! A strict RFC 4180 reader. The `csv` crate forgives stray and unterminated quotes; an import
//! must refuse them and say on which line the bad record starts.

/// One record and the physical line it starts on (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub message: String,
}

/// Parses `text` (LF or CRLF record ends, a leading BOM skipped, blank lines ignored).
/// Returns every well-formed record and an error for each malformed one; after an
/// unterminated quote nothing more can be read.
pub fn parse(text: &str) -> (Vec<Record>, Vec<CsvError>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut broken: Option<&str> = None;
        // Reads one record; `line` advances over every new line, quoted ones included.
        loop {
            match chars.next() {
                None => {
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                Some('"') if field.is_empty() => {
                    // A quoted field: "" is a quote, a lone " ends it.
                    let mut closed = false;
                    while let Some(c) = chars.next() {
                        match c {
                            '"' if chars.peek() == Some(&'"') => {
                                chars.next();
                                field.push('"');
                            }
                            '"' => {
                                closed = true;
                                break;
                            }
                            '\n' => {
                                line += 1;
                                field.push('\n');
                            }
                            c => field.push(c),
                        }
                    }
                    if !closed {
                        errors.push(CsvError { line: start, message: "unterminated quoted field".into() });
                        return (records, errors);
                    }
                    match chars.peek() {
                        None | Some(',' | '\n' | '\r') => {}
                        Some(_) => broken = Some("text after a closing quote"),
                    }
                    if broken.is_some() {
                        break;
                    }
                    match chars.next() {
                        Some(',') => fields.push(std::mem::take(&mut field)),
                        Some('\r') if chars.peek() == Some(&'\n') => {
                            chars.next();
                            line += 1;
                            fields.push(std::mem::take(&mut field));
                            break;
                        }
                        Some('\n') => {
                            line += 1;
                            fields.push(std::mem::take(&mut field));
                            break;
                        }
                        None => {
                            fields.push(std::mem::take(&mut field));
                            break;
                        }
                        Some(_) => {
                            broken = Some("text after a closing quote");
                            break;
                        }
                    }
                    if chars.peek().is_none() {
                        // "a,"<EOF>: a last empty field.
                        fields.push(String::new());
                        break;
                    }
                }
                Some('"') => {
                    broken = Some("quote inside an unquoted field");
                    break;
                }
                Some(',') => fields.push(std::mem::take(&mut field)),
                Some('\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    line += 1;
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                Some('\n') => {
                    line += 1;
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                Some(c) => field.push(c),
            }
        }
        if let Some(message) = broken {
            errors.push(CsvError { line: start, message: message.into() });
            // Skip to the end of this physical line and carry on with the next record.
            for c in chars.by_ref() {
                if c == '\n' {
                    line += 1;
                    break;
                }
            }
            continue;
        }
        let blank = fields.len() == 1 && fields[0].is_empty();
        if !blank {
            records.push(Record { line: start, fields });
        }
    }
    (records, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        let (records, errors) = parse(text);
        assert!(errors.is_empty(), "{errors:?}");
        records.into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn plain_and_quoted_fields() {
        assert_eq!(fields("a,b\n1,2\n"), vec![vec!["a", "b"], vec!["1", "2"]]);
        assert_eq!(fields("a,b\r\n1,2\r\n"), vec![vec!["a", "b"], vec!["1", "2"]]);
        assert_eq!(fields("a,b\n1,2"), vec![vec!["a", "b"], vec!["1", "2"]], "no final new line");
        assert_eq!(fields("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n"), vec![vec!["a", "b"], vec!["x, y", "say \"hi\""]]);
        assert_eq!(fields("a,b,c\n,,\n"), vec![vec!["a", "b", "c"], vec!["", "", ""]]);
        assert_eq!(fields("a,b\n\"\",\"\"\n"), vec![vec!["a", "b"], vec!["", ""]]);
        assert_eq!(fields("\u{feff}a\n1\n"), vec![vec!["a"], vec!["1"]], "BOM skipped");
        assert_eq!(fields("a,b\n1,\"x\"\n"), vec![vec!["a", "b"], vec!["1", "x"]]);
        assert_eq!(fields("a,b\n1,\"\"\n"), vec![vec!["a", "b"], vec!["1", ""]]);
    }

    #[test]
    fn new_lines_inside_quotes_keep_line_numbers() {
        let (records, errors) = parse("h1,h2\r\n1,\"two\r\nlines\"\r\n2,x\r\n");
        assert!(errors.is_empty());
        // The CRLF inside quotes is data: the CR is kept, and the line count still moves on.
        assert_eq!(records[1].fields[1], "two\r\nlines");
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 2, 4]);
        let (records, _) = parse("h\n\"a\nb\nc\"\nd\n");
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 2, 5]);
    }

    #[test]
    fn blank_lines_are_skipped() {
        let (records, errors) = parse("a\n1\n\n2\n\n");
        assert!(errors.is_empty());
        assert_eq!(
            records.iter().map(|r| (r.line, r.fields[0].as_str())).collect::<Vec<_>>(),
            vec![(1, "a"), (2, "1"), (4, "2")]
        );
    }

    #[test]
    fn stray_and_unterminated_quotes_are_errors() {
        let (records, errors) = parse("a,b\n1,Mum said \"call\"\n2,ok\n");
        assert_eq!(errors, vec![CsvError { line: 2, message: "quote inside an unquoted field".into() }]);
        assert_eq!(records.len(), 2, "reading goes on after the bad record");
        let (_, errors) = parse("a,b\n1,ok\n2,\"never closed\n3,x\n");
        assert_eq!(errors, vec![CsvError { line: 3, message: "unterminated quoted field".into() }]);
        let (_, errors) = parse("a,b\n1,\"x\"y\n");
        assert_eq!(errors, vec![CsvError { line: 2, message: "text after a closing quote".into() }]);
    }
}

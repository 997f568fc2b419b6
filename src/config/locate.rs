//! Where each value of a YAML file stands, so a problem found after parsing can still be shown
//! as `file:line:column`. serde tells us where *syntax* and *type* errors are; checks that need
//! the whole config (a role named in thresholds.yaml that rotation.yaml lacks) look the place up
//! here by the same path serde would print (`severities.P1.page[0]`).

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Default)]
pub struct Locations {
    by_path: HashMap<String, Position>,
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, next: usize },
}

impl Locations {
    /// Indexes every node of the first document. Text that fails to parse yields what was read
    /// before the failure: serde reports the syntax error itself.
    pub fn index(text: &str) -> Self {
        let mut by_path = HashMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        for item in Parser::new_from_str(text) {
            let Ok((event, span)) = item else { break };
            let here = Position {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            let starts_node = matches!(
                event,
                Event::Scalar(..)
                    | Event::MappingStart(..)
                    | Event::SequenceStart(..)
                    | Event::Alias(_)
            );
            // A scalar in key position of a mapping is a key, not a node of its own.
            if let (
                Event::Scalar(text, ..),
                Some(Frame::Map {
                    key: key @ None, ..
                }),
            ) = (&event, stack.last_mut())
            {
                *key = Some(text.to_string());
                continue;
            }
            let path = if starts_node {
                let path = match stack.last_mut() {
                    None => String::new(),
                    Some(Frame::Map { path, key }) => join(path, &key.take().unwrap_or_default()),
                    Some(Frame::Seq { path, next }) => {
                        *next += 1;
                        format!("{path}[{}]", *next - 1)
                    }
                };
                by_path.entry(path.clone()).or_insert(here);
                Some(path)
            } else {
                None
            };
            match event {
                Event::MappingStart(..) => stack.push(Frame::Map {
                    path: path.unwrap_or_default(),
                    key: None,
                }),
                Event::SequenceStart(..) => stack.push(Frame::Seq {
                    path: path.unwrap_or_default(),
                    next: 0,
                }),
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                Event::DocumentEnd => break,
                _ => {}
            }
        }
        Locations { by_path }
    }

    /// The position of `path`, or of its nearest ancestor that exists (a missing key is shown
    /// at the mapping that should hold it).
    pub fn find(&self, path: &str) -> Option<Position> {
        let mut path = path;
        loop {
            if let Some(p) = self.by_path.get(path) {
                return Some(*p);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "\
severities:
  P1:
    page: [Primary, Secondary]
  P2:
    page:
      - Primry
roles: [A]
";

    #[test]
    fn finds_values_by_serde_style_paths() {
        let at = Locations::index(DOC);
        assert_eq!(
            at.find("severities.P1.page[1]"),
            Some(Position {
                line: 3,
                column: 21
            })
        );
        assert_eq!(
            at.find("severities.P2.page[0]"),
            Some(Position { line: 6, column: 9 })
        );
        assert_eq!(at.find("roles"), Some(Position { line: 7, column: 8 }));
    }

    #[test]
    fn missing_keys_point_at_their_parent() {
        let at = Locations::index(DOC);
        assert_eq!(at.find("severities.P1.name"), at.find("severities.P1"));
    }
}

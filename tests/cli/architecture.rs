//! ARCHITECTURE.md's code map, held to: each folder of `src/` imports only the folders its row
//! says it may ("may import", up to the first `;`), and nothing below `cmd/` reaches up to the
//! command line, and no two folders import each other.

use std::collections::BTreeSet;
use std::path::Path;

const MODULES: [&str; 9] = [
    "cli", "cmd", "ops", "rules", "config", "store", "sources", "net", "util",
];

/// Every `crate::NAME` a folder's files mention, NAME one of the crate's top modules.
fn imports(dir: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, _) in text.match_indices("crate::") {
                let name: String = text[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if MODULES.contains(&name.as_str()) {
                    found.insert(name);
                }
            }
        }
    }
    found
}

#[test]
fn every_folder_imports_only_what_the_code_map_allows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let mut checked = 0;
    for row in map.lines().filter(|l| l.starts_with("| `src/")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let folder = cells[1].trim_matches('`').trim_end_matches('/');
        let Some(name) = folder.strip_prefix("src/").filter(|n| !n.ends_with(".rs")) else {
            continue;
        };
        if name == "cmd" {
            continue; // everything below it
        }
        let allowed_text = cells[cells.len() - 2].split(';').next().unwrap_or_default();
        let allowed: BTreeSet<String> = allowed_text
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .filter(|w| MODULES.contains(w))
            .map(str::to_string)
            .collect();
        let mut used = imports(&root.join(folder));
        used.remove(name);
        let beyond: Vec<&String> = used.difference(&allowed).collect();
        assert!(
            beyond.is_empty(),
            "src/{name}/ imports {beyond:?}, which ARCHITECTURE.md's code map does not allow \
             (it allows {allowed:?})"
        );
        assert!(
            !used.contains("cli") && !used.contains("cmd"),
            "src/{name}/ reaches up"
        );
        checked += 1;
    }
    assert_eq!(checked, 7, "the code map's rows were not all found");
}

#[test]
fn no_two_folders_import_each_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let below_cmd = ["ops", "rules", "config", "store", "sources", "net", "util"];
    let imports_of: Vec<(&str, BTreeSet<String>)> = below_cmd
        .iter()
        .map(|name| (*name, imports(&root.join(name))))
        .collect();
    for (a, uses) in &imports_of {
        for (b, back) in &imports_of {
            assert!(
                a == b || !(uses.contains(*b) && back.contains(*a)),
                "src/{a}/ and src/{b}/ import each other"
            );
        }
    }
}

/// ARCHITECTURE.md: the writes that decide are written once, in `store/write.rs`; a backend
/// only runs statements. Were a backend to make an event, plan a message or refuse a missing
/// row itself, the two backends could decide differently again.
#[test]
fn the_backends_make_no_decisions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store");
    let mut found = Vec::new();
    for backend in ["sqlite", "postgres"] {
        for entry in std::fs::read_dir(root.join(backend)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for word in ["Event::new", "Plan", "NotFound"] {
                    if text.contains(word) {
                        found.push(format!("{} uses {word}", path.display()));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// The C built into the binary carries a stack canary and glibc's checked string functions
/// (`.cargo/config.toml`): the binary calls `__stack_chk_fail` and a `_chk` function.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_bundled_c_is_built_hardened() {
    let binary = std::fs::read(assert_cmd::cargo::cargo_bin("mindops")).unwrap();
    let has = |name: &[u8]| binary.windows(name.len()).any(|w| w == name);
    assert!(has(b"__stack_chk_fail"), "no stack canary in the bundled C");
    assert!(
        has(b"__memcpy_chk"),
        "no checked string functions in the bundled C"
    );
}

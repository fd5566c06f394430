//! The TypeScript bindings in ui/src/shared/bindings must match the Rust contract.
//! Regenerate with `make bindings` (UPDATE_BINDINGS=1 cargo test -p portico-types).

use std::path::PathBuf;

fn committed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/shared/bindings")
}

#[test]
fn bindings_are_current() {
    let dir = committed_dir();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        portico_types::export_bindings(&dir).unwrap();
        return;
    }
    let fresh = tempfile::tempdir().unwrap();
    let files = portico_types::export_bindings(fresh.path()).unwrap();
    let mut stale = Vec::new();
    for name in &files {
        let want = std::fs::read_to_string(fresh.path().join(name)).unwrap();
        let have = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        if want != have {
            stale.push(name.clone());
        }
    }
    let committed: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    for name in committed {
        if !files.contains(&name) {
            stale.push(format!("{name} (no longer generated)"));
        }
    }
    assert!(
        stale.is_empty(),
        "stale bindings, run `make bindings`: {stale:?}"
    );
}

#[test]
fn every_command_is_unique() {
    let mut names = portico_types::COMMAND_NAMES.to_vec();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), portico_types::COMMAND_NAMES.len());
}

//! Fuzzing the loaders with encrypted input: arbitrary bytes behind the age header, and real
//! encrypted files damaged (bytes changed, cut short), for every kind of file the store reads.
//! Nothing panics, the store always opens, and every file that is not valid goes to
//! quarantine with a message that names only the file.

#[path = "storage_common/mod.rs"]
mod common;

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use alongside::domain::secret::Passphrase;
use alongside::storage::crypt::{self, migrate};
use alongside::storage::read::{decode_index_bytes, decode_peers_bytes, decode_session_bytes};
use alongside::storage::{ProblemKind, Store};
use proptest::prelude::*;

const SECRET: &str = "spoke about the court date";

/// An encrypted folder with a peer, two notes and a draft, made once; each case copies it.
fn template() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("dir");
        {
            let (mut store, _) = Store::open(dir.path()).expect("open");
            let p = common::peer("JD");
            store.save_peer(&p).expect("peer");
            for i in 0..2 {
                store
                    .save_session(&common::session(&p, i * 60, SECRET))
                    .expect("save");
            }
            let mut draft = common::session(&p, 500, SECRET);
            draft.ended_at = None;
            store.save_draft(&draft).expect("draft");
        }
        let opts = migrate::Options {
            work_factor: Some(4),
            stop: None,
        };
        migrate::encrypt(dir.path(), &Passphrase::from("fuzz"), opts).expect("encrypt");
        crypt::forget(dir.path());
        dir
    })
    .path()
}

/// Every file the store reads, relative to the folder.
fn readable_files(dir: &Path) -> Vec<String> {
    let mut out = vec!["peers.json".to_string(), "index.json".to_string()];
    for sub in ["sessions", "drafts"] {
        for e in fs::read_dir(dir.join(sub)).expect("list").flatten() {
            out.push(format!("{sub}/{}", e.file_name().to_string_lossy()));
        }
    }
    out.sort();
    out
}

fn copy(from: &Path, to: &Path) {
    for e in fs::read_dir(from).expect("list").flatten() {
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
            copy(&e.path(), &target);
        } else if e.file_name() != "alongside.lock" {
            fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// How a file is damaged.
#[derive(Debug, Clone)]
enum Damage {
    /// Bytes overwritten at these positions (modulo the length).
    Overwrite(Vec<(usize, u8)>),
    /// Cut to this fraction (per mille) of its length.
    Truncate(u16),
    /// Replaced by the age header and noise.
    Noise(Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        prop::collection::vec((any::<usize>(), any::<u8>()), 1..6).prop_map(Damage::Overwrite),
        (0u16..1000).prop_map(Damage::Truncate),
        prop::collection::vec(any::<u8>(), 0..400).prop_map(Damage::Noise),
    ]
}

fn apply(bytes: &[u8], d: &Damage) -> Vec<u8> {
    match d {
        Damage::Overwrite(edits) => {
            let mut b = bytes.to_vec();
            for &(i, v) in edits {
                let i = i % b.len();
                // Always a change: a same-byte write would leave the file valid.
                b[i] = if b[i] == v { v.wrapping_add(1) } else { v };
            }
            b
        }
        Damage::Truncate(per_mille) => {
            bytes[..bytes.len() * usize::from(*per_mille) / 1000].to_vec()
        }
        Damage::Noise(noise) => {
            let mut b = b"age-encryption.org/v1\n".to_vec();
            b.extend_from_slice(noise);
            b
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn damaged_encrypted_files_of_every_kind_go_to_quarantine_and_the_store_opens(
        which in any::<prop::sample::Index>(),
        d in damage(),
    ) {
        let dir = tempfile::tempdir().expect("dir");
        copy(template(), dir.path());
        let files = readable_files(dir.path());
        let rel = files[which.index(files.len())].clone();
        let path = dir.path().join(&rel);
        let original = fs::read(&path).expect("read");
        fs::write(&path, apply(&original, &d)).expect("damage");
        // Damage made in place is only noticed when the file is read: make the store read all.
        if rel != "index.json" {
            fs::remove_file(dir.path().join("index.json")).expect("index");
        }
        crypt::unlock(dir.path(), &Passphrase::from("fuzz")).expect("unlock");
        let (store, problems) = Store::open(dir.path()).expect("opens whatever one file holds");
        let moved: Vec<_> = problems
            .iter()
            .filter(|p| p.file == rel && matches!(p.kind, ProblemKind::Quarantined { .. }))
            .collect();
        prop_assert_eq!(moved.len(), 1, "{} not quarantined: {:?}", rel, problems);
        // (index.json is rebuilt from the notes at once; every other file stays moved.)
        prop_assert!(rel == "index.json" || !path.exists());
        for p in &problems {
            let shown = p.to_string();
            prop_assert!(!shown.contains("court"), "message quotes the file: {}", shown);
        }
        // Everything else still reads.
        let expected_sessions = if rel.starts_with("sessions/") { 1 } else { 2 };
        prop_assert_eq!(store.sessions().len(), expected_sessions);
        drop(store);
        crypt::forget(dir.path());
    }

    #[test]
    fn decoders_never_panic_on_sealed_noise(noise in prop::collection::vec(any::<u8>(), 0..600)) {
        let mut b = b"age-encryption.org/v1\n".to_vec();
        b.extend_from_slice(&noise);
        prop_assert!(decode_session_bytes(&b).is_err());
        prop_assert!(decode_peers_bytes(&b).is_err());
        prop_assert!(decode_index_bytes(&b).is_err());
    }
}

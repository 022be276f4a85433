//! Arbitrary bytes in any file never panic the loaders or stop the store from opening.

#[path = "storage_common/mod.rs"]
mod common;

use std::fs;

use alongside::storage::read::{decode_index_bytes, decode_peers_bytes, decode_session_bytes};
use alongside::storage::schema::encode_session;
use alongside::storage::{ProblemKind, Store};
use proptest::prelude::*;

const NOTE_ID: uuid::Uuid = uuid::Uuid::from_u128(0x0123_4567_89ab_4def_8123_4567_89ab_cdef);

fn valid_session_bytes() -> Vec<u8> {
    let p = common::peer("JD");
    let mut s = common::session(&p, 0, "talked about the job fair");
    s.id = NOTE_ID;
    s.summary.goals.push(alongside::domain::Goal {
        in_their_words: "finish the course".into(),
        goal_id: None,
        next_steps: vec![],
    });
    encode_session(&s).expect("encode")
}

/// Valid JSON with some bytes overwritten: closer to real damage than pure noise.
fn damaged() -> impl Strategy<Value = Vec<u8>> {
    let base = valid_session_bytes();
    let len = base.len();
    prop::collection::vec((0..len, any::<u8>()), 1..8).prop_map(move |edits| {
        let mut b = base.clone();
        for (i, byte) in edits {
            b[i] = byte;
        }
        b
    })
}

proptest! {
    #[test]
    fn decoders_never_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode_session_bytes(&bytes);
        let _ = decode_peers_bytes(&bytes);
        let _ = decode_index_bytes(&bytes);
    }

    #[test]
    fn decoders_never_panic_on_damaged_json(bytes in damaged()) {
        let _ = decode_session_bytes(&bytes);
        let _ = decode_peers_bytes(&bytes);
        let _ = decode_index_bytes(&bytes);
    }

    #[test]
    fn decoders_never_panic_on_json_with_odd_values(
        version in prop_oneof![Just("1".to_string()), Just("0".into()), Just("-1".into()),
            Just("1e400".into()), Just("\"1\"".into()), Just("null".into()),
            Just("18446744073709551616".into()), any::<u64>().prop_map(|v| v.to_string())],
        body in "[\\[\\]{}\":,a-z0-9 ]{0,64}",
    ) {
        for key in ["peers", "session", "sessions"] {
            let text = format!("{{\"schema_version\":{version},\"{key}\":{body}}}");
            let _ = decode_session_bytes(text.as_bytes());
            let _ = decode_peers_bytes(text.as_bytes());
            let _ = decode_index_bytes(text.as_bytes());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The whole store opens whatever is in its files; bad files are reported, never fatal,
    /// and the bytes of an unreadable file survive in quarantine.
    #[test]
    fn the_store_opens_whatever_the_files_hold(
        peers in prop::collection::vec(any::<u8>(), 0..256),
        index in prop::collection::vec(any::<u8>(), 0..256),
        note in damaged(),
    ) {
        let dir = tempfile::tempdir().expect("dir");
        let id = NOTE_ID;
        // A data folder of ours (with its marker), whose files are then replaced.
        drop(Store::open(dir.path()).expect("create"));
        fs::write(dir.path().join("peers.json"), &peers).expect("write");
        fs::write(dir.path().join("index.json"), &index).expect("write");
        fs::write(dir.path().join(format!("sessions/{id}.json")), &note).expect("write");

        let (ro, _) = Store::open_read_only(dir.path()).expect("read-only open never fails");
        drop(ro);
        let (store, problems) = Store::open(dir.path()).expect("open never fails on content");
        prop_assert!(store.sessions().len() <= 1);
        for p in &problems {
            if let ProblemKind::Quarantined { moved_to, .. } = &p.kind {
                let original = match p.file.as_str() {
                    "peers.json" => &peers,
                    "index.json" => &index,
                    _ => &note,
                };
                let kept = fs::read(dir.path().join(moved_to)).expect("quarantined copy");
                prop_assert_eq!(&kept, original);
            }
        }
    }
}

/// A real index.json, as the store writes it, to damage.
fn real_index() -> (tempfile::TempDir, Vec<u8>) {
    let dir = tempfile::tempdir().expect("dir");
    let p = common::peer("JD");
    {
        let (mut store, _) = Store::open(dir.path()).expect("open");
        for i in 0..4 {
            store
                .save_session(&common::session(
                    &p,
                    i * 100,
                    "note with \"quotes\"\nand lines",
                ))
                .expect("save");
        }
    }
    let bytes = fs::read(dir.path().join("index.json")).expect("read");
    (dir, bytes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn a_damaged_index_never_panics_and_sessions_still_list(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let (dir, mut bytes) = real_index();
        for (i, byte) in edits {
            let at = i.index(bytes.len());
            bytes[at] = byte;
        }
        fs::write(dir.path().join("index.json"), &bytes).expect("write");
        let (ro, _) = Store::open_read_only(dir.path()).expect("read-only open");
        drop(ro);
        let (store, _) = Store::open(dir.path()).expect("open");
        // Damage can make the index disagree, but every session file is still listed.
        prop_assert_eq!(store.sessions().len(), 4);
    }
}

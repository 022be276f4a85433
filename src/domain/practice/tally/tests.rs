use super::*;
use crate::domain::practice::transcript::{self, Speaker};
use crate::domain::utterance::Rating;

fn t(secs: i64) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-03-02T09:30:00-05:00").expect("time")
        + chrono::Duration::seconds(secs)
}

fn many(list: &[(Code, usize)]) -> Vec<Code> {
    list.iter()
        .flat_map(|(c, n)| std::iter::repeat_n(*c, *n))
        .collect()
}

#[test]
fn hand_counted_role_play() {
    // 3 open + 1 closed = 4 questions; 4 simple + 2 complex + 1 summary = 7 reflections,
    // 3 of them complex (a summary counts as complex).
    let codes = many(&[
        (Code::OpenQuestion, 3),
        (Code::ClosedQuestion, 1),
        (Code::SimpleReflection, 4),
        (Code::ComplexReflection, 2),
        (Code::Summary, 1),
        (Code::Affirmation, 1),
        (Code::Information, 1),
        (Code::AdviceWithPermission, 1),
        (Code::AdviceWithoutPermission, 1),
        (Code::Other, 1),
        (Code::ChangeTalk, 3),
        (Code::SustainTalk, 1),
    ]);
    let s = score_codes(&codes, &Globals::default());
    assert_eq!(
        s.mi.utterances, 16,
        "the peer's talk is not a specialist utterance"
    );
    assert_eq!(s.mi.reflections, 7);
    assert_eq!(s.mi.complex_reflections, 3);
    assert_eq!(s.mi.advice, 2);
    assert_eq!(s.count(Code::AdviceWithPermission), 1);
    assert_eq!(s.count(Code::ChangeTalk), 3);
    assert_eq!(s.mi.reflection_to_question.value, Some(1.75));
    assert_eq!(s.mi.reflection_to_question.rating, Rating::Fair);
    assert_eq!(s.mi.percent_open_questions.value, Some(75.0));
    assert_eq!(s.mi.percent_open_questions.rating, Rating::Good);
    let cr = s.mi.percent_complex_reflections.value.expect("value");
    assert!((cr - 300.0 / 7.0).abs() < 1e-9);
    assert_eq!(s.mi.percent_complex_reflections.rating, Rating::Fair);
    assert_eq!(s.percent_change_talk, Some(75.0));
    assert_eq!(s.relational.rating, Rating::NotRated);
}

#[test]
fn zero_questions() {
    let s = score_codes(
        &many(&[(Code::SimpleReflection, 2), (Code::Affirmation, 1)]),
        &Globals::default(),
    );
    assert_eq!(s.mi.reflection_to_question.value, None);
    // More reflections than questions cannot get better than no questions at all.
    assert_eq!(s.mi.reflection_to_question.rating, Rating::Good);
    assert_eq!(s.mi.percent_open_questions.value, None);
    assert_eq!(s.mi.percent_open_questions.rating, Rating::NotRated);
    assert_eq!(s.mi.percent_complex_reflections.value, Some(0.0));
    assert_eq!(s.mi.percent_complex_reflections.rating, Rating::BelowFair);
    assert_eq!(s.percent_change_talk, None);
}

#[test]
fn zero_reflections() {
    let s = score_codes(
        &many(&[(Code::OpenQuestion, 1), (Code::ClosedQuestion, 1)]),
        &Globals::default(),
    );
    assert_eq!(s.mi.reflection_to_question.value, Some(0.0));
    assert_eq!(s.mi.reflection_to_question.rating, Rating::BelowFair);
    assert_eq!(s.mi.percent_open_questions.value, Some(50.0));
    assert_eq!(s.mi.percent_open_questions.rating, Rating::Fair);
    assert_eq!(s.mi.percent_complex_reflections.value, None);
    assert_eq!(s.mi.percent_complex_reflections.rating, Rating::NotRated);
}

#[test]
fn nothing_coded_is_not_rated() {
    let s = score_codes(&[], &Globals::default());
    assert_eq!(s.mi.utterances, 0);
    assert_eq!(s.mi.reflection_to_question.rating, Rating::NotRated);
    assert_eq!(s.mi.percent_open_questions.rating, Rating::NotRated);
    assert_eq!(s.mi.percent_complex_reflections.rating, Rating::NotRated);
    assert!(s.counts.iter().all(|(_, n)| *n == 0));
}

#[test]
fn global_averages_against_miti_thresholds() {
    let mut g = Globals::default();
    g.set(Global::Partnership, 4);
    g.set(Global::Empathy, 3);
    g.set(Global::CultivatingChangeTalk, 5);
    g.set(Global::SofteningSustainTalk, 3);
    let s = score_codes(&[], &g);
    assert_eq!(s.relational.value, Some(3.5));
    assert_eq!(s.relational.rating, Rating::Fair);
    assert_eq!(s.technical.value, Some(4.0));
    assert_eq!(s.technical.rating, Rating::Good);

    g.set(Global::Empathy, 2);
    g.set(Global::CultivatingChangeTalk, 2);
    let s = score_codes(&[], &g);
    assert_eq!(s.relational.value, Some(3.0));
    assert_eq!(s.relational.rating, Rating::BelowFair);
    assert_eq!(s.technical.value, Some(2.5));
    assert_eq!(s.technical.rating, Rating::BelowFair);

    // One rating missing: no average. Out-of-range values clear a rating.
    g.set(Global::Partnership, 9);
    assert_eq!(g.partnership, None);
    let s = score_codes(&[], &g);
    assert_eq!(s.relational.value, None);
    assert_eq!(s.relational.rating, Rating::NotRated);
}

#[test]
fn timer_pauses_and_codes_carry_their_time() {
    let mut tally = Tally::start(Uuid::from_u128(1), t(0));
    tally.code(Code::OpenQuestion, t(30));
    tally.toggle_pause(t(60));
    assert!(!tally.running());
    assert_eq!(tally.elapsed(t(500)), 60);
    tally.toggle_pause(t(120));
    tally.code(Code::SimpleReflection, t(150));
    assert_eq!(
        tally
            .record
            .entries
            .iter()
            .map(|e| e.at_seconds)
            .collect::<Vec<_>>(),
        [30, 90]
    );
    assert!(!tally.segment_reached(t(1259)));
    assert!(tally.segment_reached(t(1260)));
    assert_eq!(clock(tally.elapsed(t(1260))), "20:00");
}

#[test]
fn undo_takes_back_the_last_code_only() {
    let mut tally = Tally::start(Uuid::from_u128(1), t(0));
    assert_eq!(tally.undo(), None);
    tally.code(Code::OpenQuestion, t(1));
    tally.pin("  good open question ", t(2));
    tally.code(Code::ChangeTalk, t(3));
    assert_eq!(tally.undo(), Some(Code::ChangeTalk));
    assert_eq!(tally.record.entries.len(), 1);
    assert_eq!(tally.record.pins.len(), 1, "pins are not codes");
    assert_eq!(tally.record.pins[0].note, "good open question");
    assert_eq!(tally.record.pins[0].at_seconds, 2);
}

#[test]
fn finishing_stops_the_clock() {
    let mut tally = Tally::start(Uuid::from_u128(1), t(0));
    tally.code(Code::OpenQuestion, t(10));
    tally.finish(t(70));
    assert_eq!(tally.record.finished_at, Some(t(70)));
    assert_eq!(tally.record.elapsed_seconds, 70);
    assert_eq!(tally.elapsed(t(999)), 70);
    assert!(!tally.record.is_empty());
}

#[test]
fn pin_notes_are_cut_to_length() {
    let mut tally = Tally::start(Uuid::from_u128(1), t(0));
    tally.pin(&"é".repeat(500), t(1));
    assert_eq!(tally.record.pins[0].note.chars().count(), MAX_PIN_CHARS);
}

#[test]
fn codes_agree_with_engine_results() {
    for code in Code::SPECIALIST {
        let f = code.feedback().expect("specialist code");
        assert!(code.agrees_with(&f), "{code:?}");
        let back = Code::from_feedback(&f);
        assert!(back.agrees_with(&f));
    }
    let complex = Code::ComplexReflection.feedback().expect("fb");
    assert!(!Code::SimpleReflection.agrees_with(&complex));
    let advice = Code::AdviceWithPermission.feedback().expect("fb");
    assert!(Code::AdviceWithoutPermission.agrees_with(&advice));
    assert!(Code::ChangeTalk.feedback().is_none());
}

#[test]
fn transcript_agreement_and_trainee_codes_count() {
    let parsed = transcript::parse(
        "S: What brings you here today?\nP: I want to cut down.\nS: You should go to a meeting.\nS: Do you drink every day?",
    )
    .expect("parses");
    let mut record = RolePlayRecord::new(Uuid::from_u128(2), RolePlayKind::Transcript, t(0));
    record.turns = transcript::code(&parsed);
    let a = record.agreement();
    assert_eq!((a.turns, a.agreed), (3, 3));
    assert_eq!(a.percent(), Some(100));
    // The trainee disagrees on the last turn and marks the peer's change talk.
    record.turns[3].trainee = Some(Code::OpenQuestion);
    record.turns[1].trainee = Some(Code::ChangeTalk);
    let a = record.agreement();
    assert_eq!((a.turns, a.agreed), (3, 2));
    assert_eq!(a.percent(), Some(67));
    let s = record.scores();
    assert_eq!(s.mi.open_questions, 2);
    assert_eq!(s.mi.closed_questions, 0);
    assert_eq!(s.count(Code::ChangeTalk), 1);
    let engine = record.engine_scores().expect("transcript");
    assert_eq!(engine.closed_questions, 1);
    assert_eq!(record.turns[1].speaker, Speaker::Peer);
}

#[test]
fn records_round_trip_as_json() {
    let mut tally = Tally::start(Uuid::from_u128(3), t(0));
    tally.code(Code::AdviceWithPermission, t(5));
    tally.pin("asked first", t(6));
    tally.record.globals.set(Global::Empathy, 4);
    tally.finish(t(10));
    let json = serde_json::to_string(&tally.record).expect("json");
    assert!(json.contains("\"advice_with_permission\""));
    assert!(json.contains("\"observed\""));
    assert!(!json.contains("\"turns\""));
    let back: RolePlayRecord = serde_json::from_str(&json).expect("back");
    assert_eq!(back, tally.record);
}

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::domain::Timestamp;

fn t(min: i64) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-03-02T09:30:00-05:00").expect("time")
        + Duration::minutes(min)
}

fn imp(n: u8) -> Option<Importance> {
    Importance::new(n)
}

// ----- decisional balance -----

#[test]
fn totals_count_items_and_add_up_importance_per_box() {
    let mut d = DecisionalBalance::default();
    assert!(d.add(Side::GoodAboutNow, "helps me unwind", imp(4)));
    assert!(d.add(Side::GoodAboutNow, "  friends at the bar ", None));
    assert!(d.add(Side::NotSoGoodAboutChange, "losing my crowd", imp(5)));
    assert!(
        !d.add(Side::GoodAboutChange, "   ", imp(3)),
        "blank adds nothing"
    );
    assert_eq!(
        d.totals(Side::GoodAboutNow),
        SideTotals {
            items: 2,
            rated: 1,
            importance: 4
        }
    );
    assert!(d.set_importance(Side::GoodAboutNow, 1, imp(2)));
    assert_eq!(d.totals(Side::GoodAboutNow).importance, 6);
    assert!(
        !d.set_importance(Side::GoodAboutNow, 7, imp(2)),
        "no such item"
    );
    assert_eq!(d.totals(Side::GoodAboutChange), SideTotals::default());
    assert_eq!(d.good_about_now[1].text, "friends at the bar");
}

#[test]
fn importance_is_one_to_five_in_code_and_in_files() {
    assert!(Importance::new(0).is_none());
    assert!(Importance::new(6).is_none());
    assert_eq!(Importance::new(5).map(Importance::get), Some(5));
    let bad =
        r#"{"kind":"advantages_disadvantages","good_about_now":[{"text":"x","importance":9}]}"#;
    assert!(serde_json::from_str::<Worksheet>(bad).is_err());
    let good =
        r#"{"kind":"advantages_disadvantages","good_about_now":[{"text":"x","importance":3}]}"#;
    let w: Worksheet = serde_json::from_str(good).expect("parses");
    let Worksheet::AdvantagesDisadvantages(d) = w else {
        panic!("wrong kind")
    };
    assert_eq!(d.totals(Side::GoodAboutNow).importance, 3);
}

#[test]
fn long_items_are_cut_to_the_limit() {
    let mut d = DecisionalBalance::default();
    d.add(Side::GoodAboutNow, &"é".repeat(MAX_ITEM_CHARS + 50), None);
    assert_eq!(d.good_about_now[0].text.chars().count(), MAX_ITEM_CHARS);
}

// ----- values -----

#[test]
fn values_are_ranked_and_the_first_five_are_the_top() {
    let listed = ["Family", "Health", "Honesty", "Faith", "Freedom", "Humor"];
    let mut v = ValuesSheet::default();
    for name in listed {
        assert!(v.toggle(name));
    }
    assert_eq!(v.top().len(), TOP_VALUES);
    assert_eq!(v.top()[0].name, "Family");
    // Humor is sixth: move it up into the top five.
    assert_eq!(v.move_up(5), 4);
    assert_eq!(v.top()[4].name, "Humor");
    assert_eq!(v.move_up(0), 0, "the top value stays on top");
    assert_eq!(v.move_down(5), 5, "the last stays last");
    assert_eq!(v.move_down(0), 1);
    assert_eq!(v.chosen[1].name, "Family");
    // Un-choosing removes it and closes the gap.
    assert!(!v.toggle("family"));
    assert_eq!(v.chosen.len(), 5);
    assert!(!v.is_chosen("Family"));
}

#[test]
fn own_values_are_checked_and_never_duplicated() {
    let listed = ["Family", "Health"];
    let mut v = ValuesSheet::default();
    assert_eq!(v.add_own("Gardening", &listed), Ok(0));
    assert!(v.chosen[0].own);
    assert!(
        v.add_own("gardening ", &listed).is_err(),
        "same value twice"
    );
    assert!(v.add_own("   ", &listed).is_err());
    assert!(
        v.add_own(&"x".repeat(MAX_VALUE_CHARS + 1), &listed)
            .is_err()
    );
    // Typing a listed value picks it from the list rather than adding an "own" copy.
    assert_eq!(v.add_own("health", &listed), Ok(1));
    assert_eq!(v.chosen[1].name, "Health");
    assert!(!v.chosen[1].own);
    assert!(v.set_note(0, "  weekends at the allotment "));
    assert_eq!(v.chosen[0].how_it_shows, "weekends at the allotment");
    assert!(!v.set_note(9, "x"));
}

// ----- checklists -----

#[test]
fn checklists_merge_with_content_and_keep_what_was_written() {
    let saved = vec![
        CheckItem {
            id: "welcome".into(),
            title: "Old title".into(),
            done: true,
            note: "went well".into(),
        },
        CheckItem {
            id: "retired".into(),
            title: "An item no longer in the list".into(),
            done: true,
            note: String::new(),
        },
        CheckItem::new("unused_gone", "Unused and gone"),
    ];
    let merged = merge_checks(&[("welcome", "Welcome"), ("role", "The role")], &saved);
    assert_eq!(merged.len(), 3);
    assert_eq!(merged[0].title, "Welcome", "current titles win");
    assert!(merged[0].done);
    assert_eq!(merged[0].note, "went well");
    assert!(!merged[1].done);
    assert_eq!(
        merged[2].id, "retired",
        "a ticked item the content dropped is kept"
    );
    let sheet = ChecklistSheet { items: merged };
    assert_eq!(sheet.done_count(), 2);
    assert!(!sheet.is_empty());
    assert!(ChecklistSheet::default().is_empty());
}

// ----- planning -----

#[test]
fn planning_orders_steps_by_date_and_warns_about_late_ones() {
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day);
    let sheet = PlanningSheet {
        goal: "Back at work part-time".into(),
        goal_by: d(6, 2),
        steps: vec![
            PlanStep {
                what: "no date".into(),
                by_when: None,
            },
            PlanStep {
                what: "later".into(),
                by_when: d(7, 1),
            },
            PlanStep {
                what: "first".into(),
                by_when: d(3, 10),
            },
        ],
        ..PlanningSheet::default()
    };
    let order: Vec<&str> = sheet
        .steps_in_order()
        .iter()
        .map(|s| s.what.as_str())
        .collect();
    assert_eq!(order, ["first", "later", "no date"]);
    assert_eq!(sheet.warnings(), ["Step 2 is dated after the goal's date."]);
    assert!(!sheet.is_empty());
    assert!(PlanningSheet::default().is_empty());
}

#[test]
fn the_default_goal_is_three_months_ahead() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
    assert_eq!(default_goal_date(d(2026, 3, 2), 3), d(2026, 6, 2));
    // A shorter month ends the goal on its last day.
    assert_eq!(default_goal_date(d(2026, 11, 30), 3), d(2027, 2, 28));
}

// ----- safety plans -----

#[test]
fn every_safety_plan_save_is_a_new_version_and_old_ones_stay() {
    let peer = Uuid::new_v4();
    let mut h = SafetyPlanHistory::new(peer);
    assert_eq!(
        h.add_version(SafetyPlanSheet::default(), t(0), None),
        Err(SafetyPlanError::Empty)
    );
    let mut plan = SafetyPlanSheet::default();
    plan.warning_signs.push("Not sleeping".into());
    assert_eq!(h.add_version(plan.clone(), t(0), None), Ok(1));
    assert_eq!(
        h.add_version(plan.clone(), t(5), None),
        Err(SafetyPlanError::Unchanged)
    );
    plan.items_mut(SafetySection::PeopleToAsk)
        .push("My sister".into());
    let session = Uuid::new_v4();
    assert_eq!(h.add_version(plan.clone(), t(10), Some(session)), Ok(2));
    assert_eq!(h.versions.len(), 2);
    assert_eq!(h.versions[0].plan.people_to_ask, Vec::<String>::new());
    let latest = h.latest().expect("latest");
    assert_eq!(latest.version, 2);
    assert_eq!(latest.session_id, Some(session));
    assert_eq!(latest.plan.filled_sections(), 2);
    assert!(h.check_peer(peer).is_ok());
    assert_eq!(
        h.check_peer(Uuid::new_v4()),
        Err(SafetyPlanError::WrongPeer)
    );
}

#[test]
fn lines_of_keeps_one_item_per_written_line() {
    assert_eq!(lines_of("  a \n\n b\n   \n"), ["a", "b"]);
    assert!(lines_of("").is_empty());
}

// ----- standalone worksheets -----

#[test]
fn unsaved_changes_are_kept_apart_and_discarding_them_keeps_the_saved_content() {
    let peer = Uuid::new_v4();
    let mut w = StandaloneWorksheet::new(
        "exploring_values",
        "Exploring values",
        Some((peer, "JD")),
        t(0),
    );
    let mut v = ValuesSheet::default();
    v.toggle("Family");
    w.keep_unsaved(Worksheet::Values(v.clone()), t(1));
    assert!(w.has_unsaved());
    assert_eq!(
        w.discard_unsaved(),
        Discarded::Deleted,
        "never saved: it goes"
    );

    w.save(Worksheet::Values(v.clone()), t(2));
    assert_eq!(w.saved_at, Some(t(2)));
    v.toggle("Health");
    w.keep_unsaved(Worksheet::Values(v.clone()), t(3));
    assert_eq!(w.current(), Some(&Worksheet::Values(v.clone())));
    assert_eq!(w.discard_unsaved(), Discarded::Reverted);
    let Some(Worksheet::Values(saved)) = w.current() else {
        panic!("saved values")
    };
    assert_eq!(saved.chosen.len(), 1);

    // Keeping the saved content as "unsaved" is not a change.
    let same = w.saved.clone().expect("saved");
    w.keep_unsaved(same, t(4));
    assert!(!w.has_unsaved());
}

#[test]
fn empty_sheets_are_recognised() {
    let sheets = [
        Worksheet::AskShareAsk(AskShareAskSheet::default()),
        Worksheet::AdvantagesDisadvantages(DecisionalBalance::default()),
        Worksheet::Checklist(ChecklistSheet {
            items: vec![CheckItem::new("a", "A")],
        }),
        Worksheet::Values(ValuesSheet::default()),
        Worksheet::Prompts(PromptAnswers {
            answers: vec![PromptAnswer {
                title: "T".into(),
                prompt: "P".into(),
                answer: "  ".into(),
            }],
        }),
        Worksheet::GentleRefusal(GentleRefusalSheet::default()),
        Worksheet::Planning(PlanningSheet::default()),
        Worksheet::SafetyPlan(SafetyPlanSheet::default()),
    ];
    for s in sheets {
        assert!(s.is_empty(), "{s:?}");
        assert!(s.texts().is_empty());
    }
}

#[test]
fn markdown_shows_what_was_filled_and_escapes_headings() {
    let mut d = DecisionalBalance::default();
    d.add(Side::GoodAboutNow, "helps me unwind", imp(4));
    d.add(Side::NotSoGoodAboutNow, "# costs a lot", imp(5));
    d.reflection = "Money matters most".into();
    let md = Worksheet::AdvantagesDisadvantages(d).to_markdown();
    for want in [
        "Good things about things as they are (1 item, importance 4):",
        "- helps me unwind [4]",
        "- # costs a lot [5]",
        "Reflection:\n\nMoney matters most",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
    let mut plan = SafetyPlanSheet::default();
    plan.reasons_for_living.push("My kids".into());
    let md = Worksheet::SafetyPlan(plan).to_markdown();
    assert!(md.contains("7. What matters most to me:\n\n- My kids"));
    assert!(md.contains("Nothing written yet."));
    let refusal = Worksheet::GentleRefusal(GentleRefusalSheet {
        request: "Lend me $20".into(),
        limit: "# not something I do".into(),
        ..GentleRefusalSheet::default()
    })
    .to_markdown();
    assert!(refusal.contains("\\# not something I do"));
}

// ----- JSON round trips -----

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,.'é\n#\"-]{0,24}"
}

fn check_item() -> impl Strategy<Value = CheckItem> {
    ("[a-z_]{1,10}", text(), any::<bool>(), text()).prop_map(|(id, title, done, note)| CheckItem {
        id,
        title,
        done,
        note,
    })
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((2020i32..2035, 1u32..13, 1u32..29))
        .prop_map(|o| o.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
}

fn balance_items() -> impl Strategy<Value = Vec<BalanceItem>> {
    proptest::collection::vec(
        (text(), proptest::option::of(1u8..=5)).prop_map(|(text, i)| BalanceItem {
            text,
            importance: i.and_then(Importance::new),
        }),
        0..4,
    )
}

fn strings() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(text(), 0..4)
}

fn worksheet() -> impl Strategy<Value = Worksheet> {
    prop_oneof![
        (0usize..3, text(), text(), text()).prop_map(|(p, ask, share, ask_again)| {
            Worksheet::AskShareAsk(AskShareAskSheet {
                purpose: SharePurpose::ALL[p],
                ask,
                share,
                ask_again,
            })
        }),
        (
            balance_items(),
            balance_items(),
            balance_items(),
            balance_items(),
            text()
        )
            .prop_map(|(a, b, c, d, reflection)| {
                Worksheet::AdvantagesDisadvantages(DecisionalBalance {
                    good_about_now: a,
                    not_so_good_about_now: b,
                    good_about_change: c,
                    not_so_good_about_change: d,
                    reflection,
                })
            }),
        proptest::collection::vec(check_item(), 0..5)
            .prop_map(|items| Worksheet::Checklist(ChecklistSheet { items })),
        proptest::collection::vec(
            (text(), any::<bool>(), text()).prop_map(|(name, own, how_it_shows)| ChosenValue {
                name,
                own,
                how_it_shows
            }),
            0..8
        )
        .prop_map(|chosen| Worksheet::Values(ValuesSheet { chosen })),
        proptest::collection::vec(
            (text(), text(), text()).prop_map(|(title, prompt, answer)| PromptAnswer {
                title,
                prompt,
                answer
            }),
            0..5
        )
        .prop_map(|answers| Worksheet::Prompts(PromptAnswers { answers })),
        (text(), text(), text(), text()).prop_map(|(request, acknowledge, limit, offer)| {
            Worksheet::GentleRefusal(GentleRefusalSheet {
                request,
                acknowledge,
                limit,
                offer,
            })
        }),
        (
            proptest::collection::vec(check_item(), 0..4),
            strings(),
            text(),
            date(),
            proptest::collection::vec(
                (text(), date()).prop_map(|(what, by_when)| PlanStep { what, by_when }),
                0..4
            ),
            proptest::collection::vec(check_item(), 0..4),
        )
            .prop_map(|(signals, brainstorm, goal, goal_by, steps, pathways)| {
                Worksheet::Planning(PlanningSheet {
                    signals,
                    brainstorm,
                    goal,
                    goal_by,
                    steps,
                    pathways,
                })
            }),
        (
            strings(),
            strings(),
            strings(),
            strings(),
            strings(),
            strings(),
            strings()
        )
            .prop_map(
                |(a, b, c, d, e, f, g)| Worksheet::SafetyPlan(SafetyPlanSheet {
                    warning_signs: a,
                    internal_coping: b,
                    social_distraction: c,
                    people_to_ask: d,
                    professionals: e,
                    safe_environment: f,
                    reasons_for_living: g,
                })
            ),
    ]
}

proptest! {
    #[test]
    fn every_worksheet_round_trips_through_json(sheet in worksheet()) {
        let json = serde_json::to_string(&sheet).expect("json");
        let back: Worksheet = serde_json::from_str(&json).expect("parse");
        prop_assert_eq!(&back, &sheet);
        let value: serde_json::Value = serde_json::from_str(&json).expect("value");
        prop_assert!(value["kind"].is_string());
    }

    #[test]
    fn standalone_worksheets_round_trip(sheet in worksheet(), unsaved in proptest::option::of(worksheet())) {
        let mut w = StandaloneWorksheet::new("tool", "Tool", Some((Uuid::new_v4(), "JD")), t(0));
        w.save(sheet, t(1));
        if let Some(u) = unsaved {
            w.keep_unsaved(u, t(2));
        }
        let json = serde_json::to_string(&w).expect("json");
        let back: StandaloneWorksheet = serde_json::from_str(&json).expect("parse");
        prop_assert_eq!(back, w);
    }

    #[test]
    fn safety_plan_histories_round_trip(plans in proptest::collection::vec(worksheet(), 0..4)) {
        let mut h = SafetyPlanHistory::new(Uuid::new_v4());
        for (i, p) in plans.into_iter().enumerate() {
            if let Worksheet::SafetyPlan(plan) = p {
                let _ = h.add_version(plan, t(i as i64), None);
            }
        }
        let json = serde_json::to_string(&h).expect("json");
        let back: SafetyPlanHistory = serde_json::from_str(&json).expect("parse");
        prop_assert_eq!(back, h);
    }

    #[test]
    fn decisional_totals_match_the_items(items in balance_items()) {
        let d = DecisionalBalance { good_about_change: items.clone(), ..DecisionalBalance::default() };
        let t = d.totals(Side::GoodAboutChange);
        prop_assert_eq!(t.items, items.len());
        prop_assert!(t.importance <= 5 * t.rated as u32);
        prop_assert!(t.importance >= t.rated as u32);
    }
}

// ----- in a session -----

fn session() -> crate::domain::Session {
    let peer = crate::domain::Peer::new("JD", t(0)).expect("peer");
    crate::domain::Session::start(&peer, crate::domain::SessionKind::InPerson, t(0))
}

#[test]
fn a_session_keeps_one_worksheet_per_tool_in_its_json_and_note() {
    let mut s = session();
    let json = serde_json::to_string(&s).expect("json");
    assert!(
        !json.contains("worksheets"),
        "no key until a tool is filled"
    );
    let mut d = DecisionalBalance::default();
    d.add(Side::GoodAboutChange, "more money for the kids", imp(5));
    let ws = |sheet, at| SessionWorksheet {
        tool_id: "advantages_disadvantages".into(),
        tool_name: "Advantages and disadvantages worksheet".into(),
        opened_at: t(0),
        updated_at: t(at),
        sheet,
    };
    s.put_worksheet(ws(
        Worksheet::AdvantagesDisadvantages(DecisionalBalance::default()),
        1,
    ));
    s.put_worksheet(ws(Worksheet::AdvantagesDisadvantages(d), 2));
    assert_eq!(s.worksheets.len(), 1, "the same tool replaces its sheet");
    assert!(
        s.texts().any(|t| t == "more money for the kids"),
        "searchable"
    );

    let json = serde_json::to_string(&s).expect("json");
    let back: crate::domain::Session = serde_json::from_str(&json).expect("parse");
    assert_eq!(back, s);
    let v: serde_json::Value = serde_json::from_str(&json).expect("value");
    assert_eq!(
        v["worksheets"][0]["sheet"]["kind"],
        "advantages_disadvantages"
    );
    assert_eq!(
        v["worksheets"][0]["sheet"]["good_about_change"][0]["importance"],
        5
    );

    s.finish(t(30)).expect("finish");
    let md = crate::domain::note_markdown::render(&s);
    assert!(md.contains("## Worksheets\n\n### Advantages and disadvantages worksheet"));
    assert!(md.contains("- more money for the kids [5]"));
}

#[test]
fn session_json_from_before_worksheets_still_loads() {
    let mut v = serde_json::to_value(session()).expect("value");
    v.as_object_mut().expect("object").remove("worksheets");
    let s: crate::domain::Session = serde_json::from_value(v).expect("old JSON loads");
    assert!(s.worksheets.is_empty());
}

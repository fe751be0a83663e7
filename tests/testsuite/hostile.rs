//! Hostile input, table-driven: each case builds a folder of two good articles (with their
//! sources.yaml) plus something bad, runs `mizan brief`, and checks the exit code, the message,
//! and that the good articles' facts are what they are without the bad input.
use crate::support::*;
use serde_json::Value;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

const GOOD: [&str; 2] = ["01-first-days.txt", "02-toll-rises.txt"];
const SOURCES: &str = "articles:\n  - file: 01-first-days.txt\n    date: 2020-09-28\n    outlet: Demo Wire\n    url: null\n  - file: 02-toll-rises.txt\n    date: 2020-10-05\n    outlet: Al-Mizan Daily\n";
const ARABIC: &str = "خبر إضافي\n\nقال المتحدث إن الاجتماع سيعقد في باكو غدا.\n";

/// A folder `articles/` with the good articles, and the out folder beside it.
fn scratch() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let arts = d.path().join("articles");
    fs::create_dir(&arts).unwrap();
    for g in GOOD {
        fs::copy(root().join("examples/karabakh").join(g), arts.join(g)).unwrap();
    }
    fs::write(arts.join("sources.yaml"), SOURCES).unwrap();
    let out = d.path().join("out");
    (d, arts, out)
}

/// What the good articles say: their metadata, numbers and mentions.
fn good_facts(facts: &Value) -> Vec<String> {
    let good = ["01-first-days", "02-toll-rises"];
    let mut rows = Vec::new();
    for a in facts["articles"].as_array().unwrap() {
        if good.contains(&a["id"].as_str().unwrap_or("")) {
            rows.push(format!("{} {} {}", a["id"], a["date"], a["outlet"]));
        }
    }
    for key in ["numbers", "mentions"] {
        for n in facts[key].as_array().unwrap() {
            if good.contains(&n["article"].as_str().unwrap_or("")) {
                rows.push(format!(
                    "{} {} {} {} {}",
                    n["article"], n["start"], n["surface"], n["value"], n["entity"]
                ));
            }
        }
    }
    rows
}

fn run(args: &[OsString], cwd: Option<&Path>) -> (i32, String) {
    let mut cmd = mizan();
    if let Some(c) = cwd {
        cmd.current_dir(c);
    }
    let res = cmd.args(args).output().unwrap();
    (
        res.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&res.stderr).into_owned(),
    )
}

/// `brief` on `inputs` into `out` with the shipped glossary (and `extra` arguments).
fn brief_args<P: AsRef<Path>>(inputs: &[P], out: &Path, extra: &[&str]) -> Vec<OsString> {
    let mut a: Vec<OsString> = vec!["brief".into()];
    a.extend(inputs.iter().map(|p| p.as_ref().as_os_str().to_owned()));
    a.push("--glossary".into());
    a.push(root().join("glossary.yaml").into_os_string());
    a.push("--out".into());
    a.push(out.as_os_str().to_owned());
    a.extend(extra.iter().map(OsString::from));
    a
}

struct Case {
    name: &'static str,
    /// Add the bad input to the articles folder; return the inputs to name (None: the folder).
    setup: fn(&Path) -> Option<Vec<PathBuf>>,
    extra: &'static [&'static str],
    code: i32,
    /// Lines of stderr that must be there.
    says: &'static [&'static str],
    /// Text that must not be in stderr.
    never: &'static [&'static str],
    /// How many articles facts.json holds (None: nothing is written).
    articles: Option<usize>,
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    fs::write(dir.join(name), bytes).unwrap();
}

fn append_sources(dir: &Path, entries: &str) {
    let s = fs::read_to_string(dir.join("sources.yaml")).unwrap();
    fs::write(dir.join("sources.yaml"), s + entries).unwrap();
}

#[cfg(unix)]
fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

const CASES: &[Case] = &[
    Case {
        name: "an old output folder among the inputs",
        setup: |d| {
            let old = d.join("old-run");
            fs::create_dir(&old).unwrap();
            for f in ["facts.json", "briefing.md", "names.md", "disagreements.md"] {
                write(&old, f, "# مخرجات سابقة\n\nقال الوزير إن 5 قتلى سقطوا.\n");
            }
            None
        },
        extra: &[],
        code: 0,
        says: &["old-run: skipped: mizan's own output folder"],
        never: &[],
        articles: Some(2),
    },
    Case {
        name: "a file named on its own and inside its folder",
        setup: |d| Some(vec![d.join("01-first-days.txt"), d.to_path_buf()]),
        extra: &[],
        code: 0,
        says: &[],
        never: &["~2"],
        articles: Some(2),
    },
    Case {
        name: "a symlink to an article in the same folder",
        setup: |d| {
            symlink(d.join("01-first-days.txt"), d.join("zz-link.txt"));
            None
        },
        extra: &[],
        code: 0,
        says: &["zz-link.txt: same file as"],
        never: &[],
        articles: Some(2),
    },
    Case {
        name: "a symlink loop",
        setup: |d| {
            symlink(d, d.join("loop"));
            None
        },
        extra: &[],
        code: 0,
        says: &["loop: symlink loop"],
        never: &[],
        articles: Some(2),
    },
    Case {
        name: "a symlink to itself",
        setup: |d| {
            symlink(d.join("self.txt"), d.join("self.txt"));
            None
        },
        extra: &[],
        code: 3,
        says: &["self.txt: Too many levels of symbolic links"],
        never: &[],
        articles: Some(2),
    },
    Case {
        name: "a FIFO named .txt",
        setup: |d| {
            let ok = std::process::Command::new("mkfifo")
                .arg(d.join("pipe.txt"))
                .status()
                .unwrap();
            assert!(ok.success());
            None
        },
        extra: &[],
        code: 3,
        says: &["pipe.txt: not a regular file"],
        never: &[],
        articles: Some(2),
    },
    Case {
        name: "a symlink to /dev/zero named .txt",
        setup: |d| {
            symlink("/dev/zero", d.join("zero.txt"));
            None
        },
        extra: &[],
        code: 3,
        says: &["zero.txt: not a regular file"],
        never: &[],
        articles: Some(2),
    },
    Case {
        name: "an article over the size limit",
        setup: |d| {
            write(d, "big.txt", ARABIC.repeat(400));
            None
        },
        extra: &["--max-article-size", "20kB"],
        code: 3,
        says: &["big.txt: larger than the limit of 20 kB per article (--max-article-size)"],
        never: &[],
        articles: Some(2),
    },
    Case {
        name: "CRLF front matter and a BOM",
        setup: |d| {
            write(
                d,
                "crlf.md",
                "\u{feff}---\r\ndate: 2020-10-06\r\noutlet: CRLF Times\r\n---\r\n\r\n# عنوان\r\n\r\nقال المتحدث إن الاجتماع سيعقد في باكو.\r\n",
            );
            write(d, "bom.txt", format!("\u{feff}{ARABIC}"));
            None
        },
        extra: &[],
        code: 0,
        says: &[],
        never: &[],
        articles: Some(4),
    },
    Case {
        name: "UTF-16",
        setup: |d| {
            let mut b = vec![0xFF, 0xFE];
            b.extend(ARABIC.encode_utf16().flat_map(|u| u.to_le_bytes()));
            write(d, "wide.txt", b);
            None
        },
        extra: &[],
        code: 3,
        says: &["wide.txt: UTF-16, convert to UTF-8"],
        never: &["binary"],
        articles: Some(2),
    },
    Case {
        name: "sources.yaml: missing file, impossible date, duplicate, outside the folder",
        setup: |d| {
            write(d, "03.txt", ARABIC);
            write(d, "04.txt", ARABIC);
            append_sources(
                d,
                "  - file: missing.txt\n    date: 2020-10-01\n  - file: 03.txt\n    date: 2021-02-29\n  - file: 04.txt\n    outlet: First\n  - file: 04.txt\n    outlet: Second\n  - file: ../../etc/passwd\n",
            );
            None
        },
        extra: &[],
        code: 3,
        says: &[
            "sources.yaml:9:11: \"missing.txt\" is not a file in this folder; entry skipped",
            "sources.yaml:12:11: date \"2021-02-29\" is not a real YYYY-MM-DD date",
            "sources.yaml:15:11: second entry for \"04.txt\" (the first is on line 13); entry skipped",
            "sources.yaml:17:11: \"../../etc/passwd\" is outside the folder",
        ],
        never: &[],
        articles: Some(4),
    },
    Case {
        name: "front matter: a bad date and a repeated key",
        setup: |d| {
            write(
                d,
                "fm.md",
                "---\ntitle: عنوان\ndate: 2021-02-29\ntitle: آخر\n---\n\n# عنوان\n\nقال المتحدث إن الاجتماع سيعقد في باكو.\n",
            );
            None
        },
        extra: &[],
        code: 3,
        says: &[
            "fm.md:4:1: key given twice: title; line dropped",
            "fm.md:3:7: date \"2021-02-29\" is not a real YYYY-MM-DD date; the field is dropped",
        ],
        never: &["DuplicateKeyPolicy", "Options"],
        articles: Some(3),
    },
    Case {
        name: "a feed with a repeated id and a bad line",
        setup: |d| {
            let line = serde_json::json!({"id": "x", "text": "وصل الوزير إلى باكو."}).to_string();
            write(d, "feed.jsonl", format!("{line}\n{{\"id\": 5,\n{line}\n"));
            None
        },
        extra: &[],
        code: 3,
        says: &[
            "feed.jsonl:3: id \"x\" is already used by",
            "feed.jsonl:2:8: invalid type: integer `5`, expected a string",
        ],
        never: &["at line"],
        articles: Some(4),
    },
    Case {
        name: "an article with no Arabic",
        setup: |d| {
            write(d, "english.txt", "Talks\n\nThe minister said talks would start.\n");
            None
        },
        extra: &[],
        code: 3,
        says: &["english.txt: no Arabic text"],
        never: &[],
        articles: Some(2),
    },
    Case {
        name: "a path over the OS limit",
        setup: |d| Some(vec![d.to_path_buf(), d.join("x".repeat(300) + ".txt")]),
        extra: &[],
        code: 3,
        says: &["File name too long"],
        never: &[],
        articles: Some(2),
    },
    Case {
        name: "--out names a file",
        setup: |d| {
            write(d.parent().unwrap(), "out", "not a folder");
            None
        },
        extra: &[],
        code: 2,
        says: &["is a file, not a folder"],
        never: &[],
        articles: None,
    },
    Case {
        name: "an output name in --out is a folder",
        setup: |d| {
            fs::create_dir_all(d.parent().unwrap().join("out/names.md")).unwrap();
            None
        },
        extra: &[],
        code: 2,
        says: &["names.md: is a folder"],
        never: &[],
        articles: None,
    },
    Case {
        name: "partials that include each other",
        setup: |d| {
            let t = d.parent().unwrap().join("tpl/partials");
            fs::create_dir_all(&t).unwrap();
            write(&t, "figure-table.md.hbs", "x\n{{> word-diff}}\n");
            write(&t, "word-diff.md.hbs", "{{> figure-table}}");
            None
        },
        extra: &["--templates", "../tpl"],
        code: 2,
        says: &["figure-table.md.hbs:2:1: partials include each other: figure-table → word-diff → figure-table"],
        never: &[],
        articles: None,
    },
];

#[test]
fn hostile_inputs_are_reported_and_the_good_facts_unchanged() {
    let (_d, arts, out) = scratch();
    let (code, _) = run(&brief_args(&[&arts], &out, &[]), None);
    assert_eq!(code, 0);
    let baseline = good_facts(&read_json(&out.join("facts.json")));
    assert!(baseline.len() > 10, "the good articles carry facts");
    for case in CASES {
        let (_d, arts, out) = scratch();
        let inputs = (case.setup)(&arts).unwrap_or_else(|| vec![arts.clone()]);
        // relative paths in `extra` are relative to the articles folder
        let (code, err) = run(&brief_args(&inputs, &out, case.extra), Some(&arts));
        assert_eq!(code, case.code, "{}: exit code; stderr:\n{err}", case.name);
        for s in case.says {
            assert!(
                err.lines().any(|l| l.contains(s)),
                "{}: no line says {s:?}:\n{err}",
                case.name
            );
        }
        for s in case.never {
            assert!(!err.contains(s), "{}: says {s:?}:\n{err}", case.name);
        }
        assert!(!err.contains("panicked"), "{}: {err}", case.name);
        match case.articles {
            Some(n) => {
                let facts = read_json(&out.join("facts.json"));
                assert_eq!(
                    facts["articles"].as_array().unwrap().len(),
                    n,
                    "{}: articles",
                    case.name
                );
                assert_eq!(good_facts(&facts), baseline, "{}: good facts", case.name);
            }
            None => assert!(
                !out.join("facts.json").exists(),
                "{}: nothing written",
                case.name
            ),
        }
    }
}

#[test]
fn brief_twice_into_the_input_folder_reads_its_articles_once() {
    let (_d, arts, _) = scratch();
    let args = |_: ()| -> Vec<OsString> {
        let mut a = brief_args(&[PathBuf::from(".")], Path::new("out"), &[]);
        a.truncate(a.len() - 2); // the default --out out
        a
    };
    let (code, err) = run(&args(()), Some(&arts));
    assert_eq!(code, 0, "{err}");
    let (code, err) = run(&args(()), Some(&arts));
    assert_eq!(code, 0, "{err}");
    let notes: Vec<&str> = err.lines().filter(|l| l.contains("own output")).collect();
    assert_eq!(notes.len(), 1, "said once: {err}");
    let facts = read_json(&arts.join("out/facts.json"));
    assert_eq!(facts["articles"].as_array().unwrap().len(), 2);
    assert!(
        err.contains("2 articles →")
            && err.contains("facts.json, briefing.md")
            && err.contains("figures"),
        "the summary lists the files and counts: {err}"
    );
}

#[test]
fn a_folder_named_two_ways_reports_its_sources_yaml_once() {
    let (_d, arts, out) = scratch();
    append_sources(&arts, "  - file: missing.txt\n");
    let alias = arts.with_file_name("alias");
    symlink(&arts, &alias);
    let (code, err) = run(
        &brief_args(&[arts.clone(), alias.join(GOOD[0])], &out, &[]),
        None,
    );
    assert_eq!(code, 3, "{err}");
    assert_eq!(err.matches("missing.txt").count(), 1, "{err}");
    assert_eq!(err.matches("same file as").count(), 1, "{err}");
}

#[test]
fn the_order_of_inputs_does_not_change_the_output() {
    let (_d, arts, out) = scratch();
    let a = arts.join(GOOD[0]);
    let b = arts.join(GOOD[1]);
    let out2 = out.with_file_name("out2");
    assert_eq!(
        run(&brief_args(&[a.clone(), b.clone()], &out, &[]), None).0,
        0
    );
    assert_eq!(run(&brief_args(&[b, a], &out2, &[]), None).0, 0);
    for f in OUTPUTS {
        assert_eq!(
            fs::read(out.join(f)).unwrap(),
            fs::read(out2.join(f)).unwrap(),
            "{f}"
        );
    }
}

/// `brief` on the good articles and one more, `name.txt`, reporting a toll written `figure`.
fn brief_with_toll(name: &str, figure: &str) -> (tempfile::TempDir, PathBuf) {
    let (d, arts, out) = scratch();
    let text = format!(
        "حصيلة جديدة\n\nأعلنت وزارة الدفاع الأرمينية مقتل {figure} جنديا في ناغورنو كاراباخ.\n"
    );
    write(&arts, &format!("{name}.txt"), text);
    assert_eq!(run(&brief_args(&[arts], &out, &[]), None).0, 0);
    (d, out)
}

#[test]
fn a_word_joiner_inside_a_number_does_not_split_it() {
    let (_d, out) = brief_with_toll("joined", "5\u{2060}8");
    let facts = read_json(&out.join("facts.json"));
    let values: Vec<f64> = facts["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["article"] == "joined")
        .map(|n| n["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, vec![58.0]);
}

#[test]
fn a_figure_beyond_exact_integers_is_not_a_count() {
    for (name, figure) in [("big", "9223372036854775807"), ("float", "1.79e308")] {
        let (_d, out) = brief_with_toll(name, figure);
        let briefing = fs::read_to_string(out.join("briefing.md")).unwrap();
        assert!(!briefing.contains("9,223,372,036,854,775,80"), "{briefing}");
        let facts = read_json(&out.join("facts.json"));
        let counted: Vec<&serde_json::Value> = facts["numbers"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == "quantity" && n["article"] == name)
            .collect();
        assert!(counted.is_empty(), "{figure}: {counted:?}");
    }
}

#[test]
fn glossary_missing_or_empty_stops_with_a_hint() {
    let (d, arts, out) = scratch();
    let mut args = brief_args(&[&arts], &out, &[]);
    args.drain(2..4); // no --glossary: ./glossary.yaml, absent in the scratch folder
    let (code, err) = run(&args, Some(d.path()));
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.matches("--glossary").count(), 1, "{err}");
    for text in ["", "entities: []\n"] {
        let g = d.path().join("empty.yaml");
        fs::write(&g, text).unwrap();
        let mut args = brief_args(&[&arts], &out, &[]);
        args[3] = g.into_os_string();
        let (code, err) = run(&args, None);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("glossary is empty") && err.contains("glossary suggest"),
            "{err}"
        );
    }
    // an I/O error says the system's reason once
    let mut args = brief_args(&[&arts], &out, &[]);
    args[3] = d.path().as_os_str().to_owned(); // a folder as the glossary
    let (code, err) = run(&args, None);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.matches("Is a directory").count(), 1, "{err}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn names_check_fails_on_findings_even_when_an_input_is_unreadable() {
    let (_d, arts, _) = scratch();
    let demo = root().join("examples/karabakh");
    let res = mizan()
        .args(["names", "--check"])
        .arg(&demo)
        .arg(arts.join("missing.txt"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&res.stderr);
    assert_eq!(res.status.code(), Some(1), "findings first: {err}");
    assert!(err.contains("missing.txt: No such file"), "{err}");
    // without --check the unreadable input decides
    let res = mizan()
        .args(["names"])
        .arg(&demo)
        .arg(arts.join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(res.status.code(), Some(3));
}

#[test]
fn an_unreadable_folder_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, arts, out) = scratch();
    let locked = arts.join("locked");
    fs::create_dir(&locked).unwrap();
    write(&locked, "a.txt", ARABIC);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let readable = fs::read_dir(&locked).is_ok(); // root reads it anyway
    let (code, err) = run(&brief_args(&[arts], &out, &[]), None);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    if readable {
        assert_eq!(code, 0, "{err}");
    } else {
        assert_eq!(code, 3, "{err}");
        assert!(err.contains("locked: Permission denied"), "{err}");
    }
}

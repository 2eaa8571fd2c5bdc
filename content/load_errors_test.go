package content

import "strings"

// errorCase is an input the loader must refuse with exactly these
// messages. files are the other files in the handout's folder.
type errorCase struct {
	name  string
	in    string
	files map[string]string
	want  []string
}

var errorCases = []errorCase{
	{name: "long titles", in: strings.Replace(minimal, "title: E,", "title: "+strings.Repeat("é", 20000)+",", 1) +
		"eras: [{id: x, title: " + strings.Repeat("a", 200) + ", date: 1920}, {id: y, title: " + strings.Repeat("a", 201) + ", date: 1920}]\n",
		want: []string{
			`h.yaml:5:30: event "e": title is 20000 characters; the chart sets titles as labels: keep it under 200 and put the rest in summary`,
			`h.yaml:6:253: era "y": title is 201 characters; the chart sets titles as labels: keep it under 200 and put the rest in summary`,
		}},
	{name: "syntax", in: "title: T\ntracks: [a\n  b: c\n", want: []string{
		`h.yaml:2:1: YAML syntax: did not find expected ',' or ']' (a list opened with [ is not closed, or lacks a comma)`,
	}},
	{name: "tab", in: "title: T\ntracks:\n\t- a\n", want: []string{
		`h.yaml:3:1: YAML syntax: found character that cannot start any token (a tab indents this line: YAML indents with spaces only)`,
	}},
	{name: "anchors", in: minimal + "subtitle: &s Sub\nauthor: *s\ndate: &d\n  x: 1\n", want: []string{
		`h.yaml:6:11: anchors and aliases are not allowed: a handout has no use for them, and they can make a small file expand without bound`,
		`h.yaml:7:9: anchors and aliases are not allowed: a handout has no use for them, and they can make a small file expand without bound`,
		`h.yaml:8:7: anchors and aliases are not allowed: a handout has no use for them, and they can make a small file expand without bound`,
	}},
	{name: "too big", in: minimal + strings.Repeat("#", MaxFileSize), want: []string{
		`h.yaml:1:1: the file is 16777347 bytes; a handout is at most 16 MiB (16777216 bytes)`,
	}},
	{name: "characters", in: "title: \"a\x01b\"\nsubtitle: \xff\xfe\ndate: x\u0085\r\n", want: []string{
		`h.yaml:1:10: control character U+0001 is not allowed: delete it`,
		`h.yaml:2:11: invalid UTF-8 (byte 0xFF): save the file as UTF-8`,
		`h.yaml:2:12: invalid UTF-8 (byte 0xFE): save the file as UTF-8`,
		`h.yaml:3:8: control character U+0085 is not allowed: delete it`,
	}},
	{name: "astral", in: minimal + "subtitle: Caspian 🌊 and 𐎠\n", want: []string{
		`h.yaml:6:19: character U+1F30A is above U+FFFF, which the PDF fonts cannot hold: replace it`,
		`h.yaml:6:25: character U+103A0 is above U+FFFF, which the PDF fonts cannot hold: replace it`,
	}},
	{name: "line breaks", in: "title: T\rtracks: 3\r\nsubtitle: \"\u2028🌊\"\nauthor: 𐎠\nevents: 3\n", want: []string{
		`h.yaml:2:9: tracks must be a list of tracks, like [{id: gilan, title: The Gilan republic}]`,
		`h.yaml:4:1: character U+1F30A is above U+FFFF, which the PDF fonts cannot hold: replace it`,
		`h.yaml:5:9: character U+103A0 is above U+FFFF, which the PDF fonts cannot hold: replace it`,
		`h.yaml:6:9: events must be a list of events, like [{id: x, track: t, title: ..., date: 1920}]`,
	}},
	{name: "empty", in: "", want: []string{
		`h.yaml:1:1: the file is empty: a handout needs at least title, tracks and events`,
	}},
	{name: "comments only", in: "# nothing\n", want: []string{
		`h.yaml:1:1: the file is empty: a handout needs at least title, tracks and events`,
	}},
	{name: "not a mapping", in: "- title: T\n", want: []string{
		`h.yaml:1:1: the file must be a mapping, like title: ..., tracks: [...], events: [...]`,
	}},
	{name: "empty lists", in: "title: T\ntracks: []\nevents: []\n", want: []string{
		`h.yaml:2:9: tracks is empty: a handout needs at least one track`,
		`h.yaml:3:9: events is empty: a handout needs at least one event`,
	}},
	{name: "long values", in: minimal + strings.Repeat("x", 100) + ": 1\n", want: []string{
		`h.yaml:6:1: unknown field "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"...; the fields are title, subtitle, author, date, paper, language, ibid, hyphenation, bibliography, tracks, sources, events, people, places, eras, details, narrative`,
	}},
	{name: "two documents", in: minimal + "---\ntitle: U\n", want: []string{
		`h.yaml:6:1: a second YAML document starts here: a handout is one document; remove the second ---`,
	}},
	{name: "unknown fields", in: `titel: T
tracks: [{id: a, title: A, colour: "#000000"}]
sources:
  - {id: s, type: book, auther: [{family: F}], editor: [{famly: F}]}
people: [{id: p, name: P, varients: [Q]}]
places: [{id: q, name: Q, nativ: R}]
events:
  - id: e
    track: a
    title: E
    dat: 1920
    cite: [{sorce: s}]
    versions: [{date: 1921, source: s, locatr: p. 3}]
    related: [{event: e2, knd: follows}]
  - {id: e2, track: a, title: E, date: 1920, cite: [s], people: [p], places: [q]}
eras: [{id: x, title: X, date: 1920, cites: [s]}]
details: [{titel: D, date: 1920/1921, end: 1922}]
xyzzy: 1
`, want: []string{
		`h.yaml:1:1: unknown field "titel"; did you mean "title"?`,
		`h.yaml:2:28: track "a": unknown field "colour"; did you mean "color"?`,
		`h.yaml:4:25: source "s": unknown field "auther"; did you mean "author"?`,
		`h.yaml:4:57: source "s": editor 1: a name needs family (and given), or literal for an institution`,
		`h.yaml:4:58: source "s": editor 1: unknown field "famly"; did you mean "family"?`,
		`h.yaml:5:27: person "p": unknown field "varients"; did you mean "variants"?`,
		`h.yaml:6:27: place "q": unknown field "nativ"; did you mean "native"?`,
		`h.yaml:11:5: event "e": unknown field "dat"; did you mean "date"?`,
		`h.yaml:12:13: event "e": cite 1: unknown field "sorce"; did you mean "source"?`,
		`h.yaml:13:40: event "e": version 1: unknown field "locatr"; did you mean "locator"?`,
		`h.yaml:14:27: event "e": related 1: unknown field "knd"; did you mean "kind"?`,
		`h.yaml:16:38: era "x": unknown field "cites"; did you mean "cite"?`,
		`h.yaml:17:12: detail 1: unknown field "titel"; did you mean "title"?`,
		`h.yaml:17:39: detail 1: unknown field "end"; the fields are title, date`,
		`h.yaml:18:1: unknown field "xyzzy"; the fields are title, subtitle, author, date, paper, language, ibid, hyphenation, bibliography, tracks, sources, events, people, places, eras, details, narrative`,
	}},
	{name: "wrong types", in: `title: [T]
paper: 4
ibid: yes
tracks: 3
sources: {id: s}
events: [a]
people: x
places: [3]
eras: {}
details: 1
narrative: [a]
bibliography: {a: 1}
`, want: []string{
		`h.yaml:1:8: title must be text, not a list`,
		`h.yaml:2:8: unknown paper "4"; use one of a4, letter`,
		`h.yaml:3:7: ibid must be true or false`,
		`h.yaml:4:9: tracks must be a list of tracks, like [{id: gilan, title: The Gilan republic}]`,
		`h.yaml:5:10: sources must be a list of sources, like [{id: atabaki2017, type: book, title: ...}]`,
		`h.yaml:6:10: event 1 must be a mapping, like {id: x, track: t, title: ..., date: 1920}`,
		`h.yaml:7:9: people must be a list of people, like [{id: kuchik-khan, name: Mirza Kuchik Khan}]`,
		`h.yaml:8:10: place 1 must be a mapping, like {id: enzeli, name: Enzeli}`,
		`h.yaml:9:7: eras must be a list of eras, like [{id: x, title: ..., date: 1920/1921}]`,
		`h.yaml:10:10: details must be a list, like [{title: ..., date: 1920-04/1920-06}]`,
		`h.yaml:11:12: narrative must be a file name, like narrative.md, or Markdown text in a block (narrative: |)`,
		`h.yaml:12:15: bibliography must be a file name, like refs.json, or a list of them`,
	}},
	{name: "wrong field types", in: `title: T
tracks: [{id: a, title: A, order: first}]
sources: [{id: s, type: book, author: Atabaki, editor: [Atabaki], title: {a: 1}}]
people: [{id: p, name: P, variants: Q}]
events:
  - {id: e, track: a, title: E, date: 1920, cite: s, context: 1, milestone: "true", people: p}
  - {id: f, track: a, title: F, date: [1920], cite: [[s]], versions: {a: 1}, related: x, places: [[a]]}
`, want: []string{
		`h.yaml:2:35: track "a": order must be a whole number`,
		`h.yaml:3:39: source "s": author must be a list of names, like [{family: Atabaki, given: Touraj}] or [{literal: Wilson Center}]`,
		`h.yaml:3:57: source "s": editor 1 must be a mapping, like {family: Atabaki, given: Touraj}`,
		`h.yaml:3:74: source "s": title must be text, not a mapping`,
		`h.yaml:4:37: person "p": variants must be a list, like [Kuchak Khan, Kuchuk Khan]`,
		`h.yaml:6:51: event "e": cite must be a list, like [atabaki2017] or ["atabaki2017, para. 3"]`,
		`h.yaml:6:63: event "e": context must be true or false`,
		`h.yaml:6:77: event "e": milestone must be true or false`,
		`h.yaml:6:93: event "e": people must be a list of person ids, like [kuchik-khan]`,
		`h.yaml:7:39: event "f": date must be text, not a list`,
		`h.yaml:7:54: event "f": cite 1: a citation is a source id, "id, locator", or {source: id, locator: ...}`,
		`h.yaml:7:70: event "f": versions must be a list, like [{end: 1921-09, source: atabaki2017}]`,
		`h.yaml:7:87: event "f": related must be a list, like [{event: baku-falls, kind: follows}]`,
		`h.yaml:7:99: event "f": each item of places must be a place id`,
	}},
	{name: "missing", in: `subtitle: S
sources: [{id: s}, {type: book}]
people: [{id: p}]
places: [{name: Q}]
eras: [{id: x}]
details: [{}]
`, want: []string{
		`h.yaml:1:1: missing title`,
		`h.yaml:1:1: missing tracks: a handout needs at least one track`,
		`h.yaml:1:1: missing events: a handout needs at least one event`,
		`h.yaml:2:11: source "s": missing type`,
		`h.yaml:2:20: source 2: missing id`,
		`h.yaml:3:10: person "p": missing name`,
		`h.yaml:4:10: place 1: missing id`,
		`h.yaml:5:8: era "x": missing title`,
		`h.yaml:5:8: era "x": missing date`,
		`h.yaml:6:11: detail 1: missing title`,
		`h.yaml:6:11: detail 1: missing date`,
	}},
	{name: "index forms", in: minimal + `people:
  - {id: p, name: Iosif Stalin, index: ""}
  - {id: q, name: Q, index: [Q]}
  - {id: r, name: R, index: " ", indx: R}
  - {id: s, name: ` + strings.Repeat("n", 201) + `, index: ` + strings.Repeat("i", 201) + `}
  - {id: t, name: ` + strings.Repeat("n", 200) + `, index: ` + strings.Repeat("i", 200) + `}
places: [{id: c, name: The Caspian, index: ~}, {id: d, name: The Hague, index: Hague, The}]
`, want: []string{
		`h.yaml:7:40: person "p": index must not be empty: leave it out to use the name as written`,
		`h.yaml:8:29: person "q": index must be text, not a list`,
		`h.yaml:9:29: person "r": index must not be empty: leave it out to use the name as written`,
		`h.yaml:9:34: person "r": unknown field "indx"; did you mean "index"?`,
		`h.yaml:10:19: person "s": name is 201 characters; a name in the appendix is at most 200: put the rest in note`,
		`h.yaml:10:229: person "s": index is 201 characters; a name in the appendix is at most 200: put the rest in note`,
		`h.yaml:12:44: place "c": index must not be empty: leave it out to use the name as written`,
		`h.yaml:12:87: place "d": unknown field "The": inside {...} a comma ends a value; if it belongs to index, quote the value: index: "Hague, The"`,
	}},
	{name: "missing in events", in: `title: T
tracks: [{id: a}, {title: B}]
sources: [{id: s, type: book}]
events:
  - {id: e}
  - title: F
    track: a
    date: 1920
    cite: [{locator: p. 3}]
    versions: [{date: 1921}]
    related: [{kind: causes}]
`, want: []string{
		`h.yaml:2:10: track "a": missing title`,
		`h.yaml:2:19: track 2: missing id`,
		`h.yaml:5:5: event "e": missing track`,
		`h.yaml:5:5: event "e": missing title`,
		`h.yaml:5:5: event "e": missing date`,
		`h.yaml:6:5: event 2: missing id`,
		`h.yaml:9:12: event 2: cite 1: missing source`,
		`h.yaml:10:16: event 2: version 1: missing source`,
		`h.yaml:11:15: event 2: related 1: missing event`,
	}},
	{name: "empty strings", in: `title: ""
tracks: [{id: "", title: " "}]
sources: [{id: s, type: ""}]
events:
  - {id: e, track: "", title: E, date: "", cite: ["", s]}
`, want: []string{
		`h.yaml:1:8: title must not be empty`,
		`h.yaml:2:15: track 1: id must not be empty`,
		`h.yaml:2:26: track 1: title must not be empty`,
		`h.yaml:3:25: source "s": type must not be empty`,
		`h.yaml:5:20: event "e": track must not be empty`,
		`h.yaml:5:40: event "e": date must not be empty`,
		`h.yaml:5:51: event "e": cite 1: empty citation: give a source id`,
	}},
	{name: "bad ids", in: `title: T
tracks: [{id: a b, title: A}, {id: "-x", title: B}]
sources: [{id: s, type: book}]
events:
  - {id: "e]", track: a, title: E, date: 1920, cite: [s]}
`, want: []string{
		`h.yaml:2:15: track "a b": id "a b" is not a usable id: use letters, digits and _ (with - : . inside), no spaces`,
		`h.yaml:2:36: track "-x": id "-x" is not a usable id: use letters, digits and _ (with - : . inside), no spaces`,
		`h.yaml:5:10: event "e]": id "e]" is not a usable id: use letters, digits and _ (with - : . inside), no spaces`,
		`h.yaml:5:23: event "e]": unknown track "a"; the track ids are a b, -x`,
	}},
	{name: "duplicates", in: `title: T
title: U
tracks: [{id: a, title: A}, {id: a, title: B}]
sources: [{id: s, type: book}, {id: s, type: book, type: letter}]
people: [{id: p, name: P}, {id: p, name: Q}]
places: [{id: p, name: P}, {id: p, name: Q}]
events:
  - {id: e, track: a, title: E, date: 1920, cite: [s], people: [p], places: [p]}
  - {id: e, track: a, title: E, date: 1920, cite: [s]}
eras: [{id: x, title: X, date: 1920}, {id: x, title: Y, date: 1921}]
`, want: []string{
		`h.yaml:2:1: field "title" is given twice (first at line 1): keep one`,
		`h.yaml:3:15: track id "a" is given again at line 3, column 34: ids must be unique`,
		`h.yaml:3:34: duplicate track id "a" (the first is at line 3, column 15): ids must be unique`,
		`h.yaml:4:16: source id "s" is given again at line 4, column 37: ids must be unique`,
		`h.yaml:4:37: duplicate source id "s" (the first is at line 4, column 16): ids must be unique`,
		`h.yaml:4:52: source "s": field "type" is given twice (first at line 4): keep one`,
		`h.yaml:5:15: person id "p" is given again at line 5, column 33: ids must be unique`,
		`h.yaml:5:33: duplicate person id "p" (the first is at line 5, column 15): ids must be unique`,
		`h.yaml:6:15: place id "p" is given again at line 6, column 33: ids must be unique`,
		`h.yaml:6:33: duplicate place id "p" (the first is at line 6, column 15): ids must be unique`,
		`h.yaml:8:10: event id "e" is given again at line 9: ids must be unique`,
		`h.yaml:9:10: duplicate event id "e" (the first is at line 8): ids must be unique`,
		`h.yaml:10:13: era id "x" is given again at line 10, column 44: ids must be unique`,
		`h.yaml:10:44: duplicate era id "x" (the first is at line 10, column 13): ids must be unique`,
	}},
	{name: "unknown references", in: `title: T
tracks: [{id: gilan, title: A}, {id: baku, title: B}]
sources: [{id: atabaki2017, type: book}]
people: [{id: kuchik-khan, name: K}]
places: [{id: enzeli, name: E}]
events:
  - id: e
    track: gilna
    title: E
    date: 1920
    cite: [atabaki2071, "atabaki, p. 3", {source: nobody}]
    versions: [{date: 1921, source: atabak2017}]
    related: [{event: f}, {event: e}]
    people: [kuchik_khan, lenin]
    places: [enzelli]
  - {id: f, track: tehran, title: F, date: 1920, cite: [atabaki2017]}
eras: [{id: x, title: X, date: 1920, cite: [atabaki]}]
`, want: []string{
		`h.yaml:8:12: event "e": unknown track "gilna"; did you mean "gilan"?`,
		`h.yaml:11:12: event "e": cite 1: unknown source "atabaki2071"; did you mean "atabaki2017"?`,
		`h.yaml:11:25: event "e": cite 2: unknown source "atabaki"; the source ids are atabaki2017`,
		`h.yaml:11:51: event "e": cite 3: unknown source "nobody"; the source ids are atabaki2017`,
		`h.yaml:12:37: event "e": version 1: unknown source "atabak2017"; did you mean "atabaki2017"?`,
		`h.yaml:13:35: event "e": related 2: an event cannot be related to itself`,
		`h.yaml:14:14: event "e": unknown person "kuchik_khan"; did you mean "kuchik-khan"?`,
		`h.yaml:14:27: event "e": unknown person "lenin"; the person ids are kuchik-khan`,
		`h.yaml:15:14: event "e": unknown place "enzelli"; did you mean "enzeli"?`,
		`h.yaml:16:20: event "f": unknown track "tehran"; the track ids are gilan, baku`,
		`h.yaml:17:45: era "x": cite 1: unknown source "atabaki"; the source ids are atabaki2017`,
	}},
	{name: "cite locator trap", in: `title: T
tracks: [{id: a, title: A}]
sources: [{id: atabaki2017, type: book}]
events:
  - {id: e, track: a, title: E, date: 1920, cite: [atabaki2017, para. 4]}
`, want: []string{
		`h.yaml:5:65: event "e": cite 2: "para. 4" is not a source id; to give a locator, quote the id and locator as one item: "atabaki2017, para. 4"`,
	}},
	{name: "dates", in: `title: T
tracks: [{id: a, title: A}]
sources: [{id: s, type: book, issued: 2017-02-30, accessed: soon}]
events:
  - {id: e, track: a, title: E, date: 1920-13, cite: [s]}
  - {id: f, track: a, title: F, date: 1921-05/1920, cite: [s]}
  - {id: g, track: a, title: G, date: "1920-05-18 ", cite: [s]}
  - id: h
    track: a
    title: H
    date: 1920/1921
    cite: [s]
    versions: [{start: 1920/1921, source: s}, {end: 19211, source: s}]
eras: [{id: x, title: X, date: 1920-00}]
details: [{title: D, date: 1920}, {title: E, date: 1920/..}]
`, want: []string{
		`h.yaml:3:47: source "s": issued: date "2017-02-30": day 30 out of range for February 2017 (01-28)`,
		`h.yaml:3:61: source "s": accessed: date "soon": unexpected 's' at byte 0: a date uses digits, X, '-', '/', '..' and the qualifiers ~ ? %`,
		`h.yaml:5:44: event "e": date "1920-13": month 13 out of range (01-12, or 21-24 for a season)`,
		`h.yaml:6:47: event "f": date "1921-05/1920": interval ends (1920) before it starts (1921-05)`,
		`h.yaml:7:50: event "g": date "1920-05-18 ": whitespace at byte 10: write the date without spaces (1920-05-18, 1920/1921)`,
		`h.yaml:13:24: event "h": version 1: start must be a single date, not an interval`,
		`h.yaml:13:53: event "h": version 2: end: date "19211": year 19211 has more than four digits; years run from -9999 to 9999`,
		`h.yaml:14:37: era "x": date "1920-00": month 00 out of range (01-12, or 21-24 for a season)`,
		`h.yaml:15:28: detail 1: a detail's date must be an interval with both ends, like 1920-04/1920-06`,
		`h.yaml:15:52: detail 2: a detail's date must be an interval with both ends, like 1920-04/1920-06`,
	}},
	{name: "versions", in: `title: T
tracks: [{id: a, title: A}]
sources: [{id: s, type: book}]
events:
  - id: e
    track: a
    title: E
    date: 1920/1921
    cite: [s]
    versions:
      - {source: s}
      - {source: s, locator: p. 3, note: says so}
      - {date: 1920, value: x, source: s}
      - {date: 1920, end: 1921, source: s}
      - {value: x, source: s}
      - {field: date, source: s}
      - {field: title, source: s}
      - {field: titel, value: x, source: s}
      - {field: summary, end: 1921, source: s}
`, want: []string{
		`h.yaml:11:9: event "e": version 1: a version needs a variant date (date, start or end) or a variant of another field (field and value)`,
		`h.yaml:12:9: event "e": version 2: a version needs a variant date (date, start or end) or a variant of another field (field and value)`,
		`h.yaml:13:29: event "e": version 3: a version is a variant date or a variant of another field, not both: drop value or the date`,
		`h.yaml:14:9: event "e": version 4: give a whole variant date (date) or a variant of its ends (start, end), not both`,
		`h.yaml:15:17: event "e": version 5: value needs field: which field of the event does this version vary?`,
		`h.yaml:16:17: event "e": version 6: a variant date goes in date, start or end`,
		`h.yaml:17:17: event "e": version 7: field "title" needs a value: the variant this source gives`,
		`h.yaml:18:17: event "e": version 8: a version cannot vary "titel"; did you mean "title"?`,
		`h.yaml:19:17: event "e": version 9: field "summary" takes a value, not a date: write value instead`,
	}},
	{name: "variant ends", in: `title: T
tracks: [{id: a, title: A}]
sources: [{id: s, type: book}]
events:
  - id: e
    track: a
    title: E
    date: 1920-06-05/1921-09
    cite: [s]
    versions:
      - {end: 1920-06, source: s}
      - {end: 1920-05, source: s}
      - {start: 1921-09-30, source: s}
      - {start: 1921-10, source: s}
      - {start: 1921, end: 1920-12, source: s}
      - {start: 1920, end: 1920, source: s}
  - {id: f, track: a, title: F, date: 1920/.., cite: [s], versions: [{start: 1990, source: s}, {end: 1919, source: s}]}
`, want: []string{
		`h.yaml:12:15: event "e": version 2: end 1920-05 is before the event starts (date 1920-06-05/1921-09)`,
		`h.yaml:14:17: event "e": version 4: start 1921-10 is after the event ends (date 1920-06-05/1921-09)`,
		`h.yaml:15:28: event "e": version 5: end 1920-12 is before start 1921`,
		`h.yaml:17:102: event "f": version 2: end 1919 is before the event starts (date 1920/..)`,
	}},
	{name: "vocabularies", in: `title: T
paper: A5
tracks:
  - {id: a, title: A, color: "#12345", pattern: hatched}
  - {id: b, title: B, color: red, pattern: zigzag}
  - id: c
    title: C
    color: #ff0000
sources: [{id: s, type: boook}, {id: t, type: podcast}]
events:
  - {id: e, track: a, title: E, date: 1920, cite: [s, t], related: [{event: e2, kind: cause}]}
  - {id: e2, track: a, title: E, date: 1920, cite: [s], related: [{event: e, kind: ""}]}
`, want: []string{
		`h.yaml:2:8: unknown paper "A5"; use one of a4, letter`,
		`h.yaml:4:30: track "a": color "#12345" is not a colour: write "#rrggbb", like "#1b6b93"`,
		`h.yaml:4:49: track "a": unknown pattern "hatched"; did you mean "hatch"?`,
		`h.yaml:5:30: track "b": color "red" is not a colour: write "#rrggbb", like "#1b6b93"`,
		`h.yaml:5:44: track "b": unknown pattern "zigzag"; use one of solid, hatch, backhatch, cross, dots, outline`,
		`h.yaml:8:11: track "c": color is empty: quote it, color: "#1b6b93", since # starts a comment in YAML`,
		`h.yaml:9:25: source "s": unknown type "boook"; did you mean "book"?`,
		`h.yaml:9:47: source "t": unknown type "podcast"; use one of book, chapter, article-journal, article-newspaper, article-magazine, webpage, entry-encyclopedia, manuscript, letter, thesis, document, report, interview, personal_communication`,
		`h.yaml:11:87: event "e": related 1: unknown kind "cause"; did you mean "causes"?`,
		`h.yaml:12:84: event "e2": related 1: kind must not be empty: use one of causes, follows, part-of, related`,
	}},
	{name: "names", in: `title: T
tracks: [{id: a, title: A}]
sources:
  - {id: s, type: book, author: [{given: G}, {family: F, literal: L}, {}]}
events:
  - {id: e, track: a, title: E, date: 1920, cite: [s]}
`, want: []string{
		`h.yaml:4:34: source "s": author 1: a name needs family (and given), or literal for an institution`,
		`h.yaml:4:46: source "s": author 2: a name is either literal or family and given, not both`,
		`h.yaml:4:71: source "s": author 3: a name needs family (and given), or literal for an institution`,
	}},
	{name: "narrative file missing", in: minimal + "narrative: story.md\n", want: []string{
		`h.yaml:6:12: narrative "story.md": no such file`,
	}},
	{name: "narrative outside", in: minimal + "narrative: ../story.md\n", want: []string{
		`h.yaml:6:12: narrative "../story.md": name a file in the handout's folder or below it, with / between folders`,
	}},
	{name: "narrative problems", in: minimal + "narrative: story.md\n", files: map[string]string{
		"story.md": "# Story\n\nAs [@s, 3] and [see @t, 4; @s] say, [[e]] and [[f|the f]] and [[ ]].\nA \x01 and \U0001F600.\nMail x@nobody.org or [x@nobody.org].\n",
	}, want: []string{
		`story.md:3:21: citation of unknown source "t"; the source ids are s`,
		`story.md:3:47: link to unknown event "f"; the event ids are e`,
		`story.md:3:63: empty event link: write [[event-id]] or [[event-id|text]]`,
		`story.md:4:3: control character U+0001 is not allowed: delete it`,
		`story.md:4:9: character U+1F600 is above U+FFFF, which the PDF fonts cannot hold: replace it`,
	}},
	{name: "inline narrative", in: minimal + "narrative: |\n  # Story\n\n  As [see @t, 4] and [[f]].\n", want: []string{
		`h.yaml:9:11: citation of unknown source "t"; the source ids are s`,
		`h.yaml:9:22: link to unknown event "f"; the event ids are e`,
	}},
	{name: "bibliography", in: minimal + "bibliography: [refs.txt, missing.json, ../refs.bib]\n", files: map[string]string{
		"refs.txt": "",
	}, want: []string{
		`h.yaml:6:16: bibliography "refs.txt": use a CSL-JSON file (.json) or a BibTeX file (.bib)`,
		`h.yaml:6:26: bibliography "missing.json": no such file`,
		`h.yaml:6:40: bibliography "../refs.bib": name a file in the handout's folder or below it, with / between folders`,
	}},
	{name: "many problems at once", in: `titel: X
paper: A4
tracks:
  - id: gilan
    title: G
    color: #fff
  - {id: gilan, title: "", pattern: hatched, colour: "#12345"}
  - id: az
    title: Azerbaijan
    color: "12"
    order: x
sources:
  - {id: s1, type: boook, author: Atabaki, title: T}
  - {id: s2, type: book, author: [{famly: A}], issued: 1920-13}
events:
  - id: e1
    track: gilna
    title: E
    date: 1920-05-18/1920-04
    cite: [s1, para. 4]
    versions:
      - {end: 1921-09, source: s3}
      - {locator: x, source: s1}
      - {field: titel, value: x, source: s1}
    related: [{event: e9, kind: caused}]
    people: [nobody]
  - {id: e1, track: az, title: T, date: 1920, places: enzeli}
  - {track: az, title: T, date: 1920}
narrative: |
  Text [@s1, 3] and [see @s4] and [[e2]].
`, want: []string{
		`h.yaml:1:1: unknown field "titel"; did you mean "title"?`,
		`h.yaml:2:8: unknown paper "A4"; did you mean "a4"?`,
		`h.yaml:4:9: track id "gilan" is given again at line 7: ids must be unique`,
		`h.yaml:6:11: track "gilan": color is empty: quote it, color: "#1b6b93", since # starts a comment in YAML`,
		`h.yaml:7:10: duplicate track id "gilan" (the first is at line 4): ids must be unique`,
		`h.yaml:7:24: track "gilan": title must not be empty`,
		`h.yaml:7:37: track "gilan": unknown pattern "hatched"; did you mean "hatch"?`,
		`h.yaml:7:46: track "gilan": unknown field "colour"; did you mean "color"?`,
		`h.yaml:10:12: track "az": color "12" is not a colour: write "#rrggbb", like "#1b6b93"`,
		`h.yaml:11:12: track "az": order must be a whole number`,
		`h.yaml:13:20: source "s1": unknown type "boook"; did you mean "book"?`,
		`h.yaml:13:35: source "s1": author must be a list of names, like [{family: Atabaki, given: Touraj}] or [{literal: Wilson Center}]`,
		`h.yaml:14:35: source "s2": author 1: a name needs family (and given), or literal for an institution`,
		`h.yaml:14:36: source "s2": author 1: unknown field "famly"; did you mean "family"?`,
		`h.yaml:14:61: source "s2": issued: date "1920-13": month 13 out of range (01-12, or 21-24 for a season)`,
		`h.yaml:16:9: event id "e1" is given again at line 27: ids must be unique`,
		`h.yaml:17:12: event "e1": unknown track "gilna"; did you mean "gilan"?`,
		`h.yaml:19:22: event "e1": date "1920-05-18/1920-04": interval ends (1920-04) before it starts (1920-05-18)`,
		`h.yaml:20:16: event "e1": cite 2: "para. 4" is not a source id; to give a locator, quote the id and locator as one item: "s1, para. 4"`,
		`h.yaml:22:32: event "e1": version 1: unknown source "s3"; the source ids are s1, s2`,
		`h.yaml:23:9: event "e1": version 2: a version needs a variant date (date, start or end) or a variant of another field (field and value)`,
		`h.yaml:24:17: event "e1": version 3: a version cannot vary "titel"; did you mean "title"?`,
		`h.yaml:25:23: event "e1": related 1: unknown event "e9"; the event ids are e1`,
		`h.yaml:25:33: event "e1": related 1: unknown kind "caused"; did you mean "causes"?`,
		`h.yaml:26:14: event "e1": unknown person "nobody"; the handout has no people`,
		`h.yaml:27:10: duplicate event id "e1" (the first is at line 16): ids must be unique`,
		`h.yaml:27:55: event "e1": places must be a list of place ids, like [enzeli]`,
		`h.yaml:28:5: event 3: missing id`,
		`h.yaml:30:26: citation of unknown source "s4"; the source ids are s1, s2`,
		`h.yaml:30:35: link to unknown event "e2"; the event ids are e1`,
	}},
}

package content

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

const schemaFile = "../schema/annalist.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("annalist.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("annalist.schema.json")
	if err != nil {
		t.Fatalf("%s does not compile: %v", schemaFile, err)
	}
	return sch
}

// yamlToJSON converts a YAML file into the values JSON would give, by the
// tags the YAML parser resolved: a date written 1920-05-18 stays the text
// it is, as the loader reads it, rather than becoming a time.
func yamlToJSON(t *testing.T, data []byte) any {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			return conv(n.Content[0])
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			s := []any{}
			for _, c := range n.Content {
				s = append(s, conv(c))
			}
			return s
		case yaml.AliasNode:
			t.Fatalf("alias at line %d", n.Line)
		}
		switch n.Tag {
		case "!!null":
			return nil
		case "!!bool":
			return strings.EqualFold(n.Value, "true")
		case "!!int":
			i, err := strconv.ParseInt(n.Value, 0, 64)
			if err != nil {
				t.Fatalf("line %d: %v", n.Line, err)
			}
			return i
		case "!!float":
			f, err := strconv.ParseFloat(n.Value, 64)
			if err != nil {
				t.Fatalf("line %d: %v", n.Line, err)
			}
			return f
		}
		return n.Value
	}
	// Through JSON text, so the values are exactly what a JSON document
	// would give the validator.
	b, err := json.Marshal(conv(&root))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSchemaAcceptsHandouts validates the default handout, every example
// and every good test input against the JSON Schema.
func TestSchemaAcceptsHandouts(t *testing.T) {
	sch := compileSchema(t)
	files := []string{"default/handout.yaml"}
	for _, pat := range []string{"../examples/*.yaml", "testdata/good/*.yaml"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(yamlToJSON(t, data)); err != nil {
			t.Errorf("%s does not match the schema: %v", file, err)
		}
	}
}

// TestSchemaRejects checks the schema refuses some inputs the loader
// refuses, so that the test above proves something.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	for _, in := range []string{
		"titel: T\ntracks: [{id: a, title: A}]\nevents: [{id: e, track: a, title: E, date: 1920}]\n",
		"title: T\ntracks: 3\nevents: [{id: e, track: a, title: E, date: 1920}]\n",
		"title: T\ntracks: [{id: a, title: A, color: red}]\nevents: [{id: e, track: a, title: E, date: 1920}]\n",
		"title: T\ntracks: [{id: a, title: A, pattern: zigzag}]\nevents: [{id: e, track: a, title: E, date: 1920}]\n",
		"title: T\ntracks: [{id: a b, title: A}]\nevents: [{id: e, track: a, title: E, date: 1920}]\n",
		"title: T\ntracks: [{id: a, title: A}]\nevents: [{id: e, track: a, title: E, date: May 1920}]\n",
		"title: T\ntracks: [{id: a, title: A}]\nevents: [{id: e, track: a, title: E, date: 1920, versions: [{source: s}]}]\n",
		"title: T\ntracks: [{id: a, title: A}]\nevents: [{id: e, track: a, title: E, date: 1920, cite: [{sorce: s}]}]\n",
		"title: T\ntracks: [{id: a, title: A}]\nsources: [{id: s, type: podcast}]\nevents: [{id: e, track: a, title: E, date: 1920}]\n",
		"title: T\ntracks: [{id: a, title: A}]\nsources: [{id: s, type: book, author: [{given: G}]}]\nevents: [{id: e, track: a, title: E, date: 1920}]\n",
		"title: T\npaper: a5\ntracks: [{id: a, title: A}]\nevents: [{id: e, track: a, title: E, date: 1920}]\n",
		"title: \"\"\ntracks: [{id: a, title: A}]\nevents: [{id: e, track: a, title: E, date: 1920}]\n",
		"title: T\nhyphenation: [Kuchik Khan]\ntracks: [{id: a, title: A}]\nevents: [{id: e, track: a, title: E, date: 1920}]\n",
		"title: T\nhyphenation: [Teh--ran]\ntracks: [{id: a, title: A}]\nevents: [{id: e, track: a, title: E, date: 1920}]\n",
		"title: T\ntracks: [{id: a, title: A}]\nevents: [{id: e, track: a, title: E, date: 1920}]\npeople: [{id: p, name: P, index: \" \"}]\n",
		"title: T\ntracks: [{id: a, title: A}]\nevents: [{id: e, track: a, title: E, date: 1920}]\nplaces: [{id: p, name: P, index: [P]}]\n",
		"title: T\ntracks: [{id: a, title: A}]\nevents: [{id: e, track: a, title: E, date: 1920}]\npeople: [{id: p, name: P, index: " + strings.Repeat("é", MaxName+1) + "}]\n",
	} {
		if sch.Validate(yamlToJSON(t, []byte(in))) == nil {
			t.Errorf("the schema accepts\n%s", in)
		}
		if _, err := Load("h.yaml", []byte(in), nil); err == nil {
			t.Errorf("the loader accepts\n%s", in)
		}
	}
}

// TestSchemaMatchesLoader keeps the schema and the loader in step: the
// same fields per kind of object, the same vocabularies and patterns.
func TestSchemaMatchesLoader(t *testing.T) {
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	type node struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Enum       []string                   `json:"enum"`
		Pattern    string                     `json:"pattern"`
	}
	var root struct {
		node
		Defs map[string]node `json:"$defs"`
	}
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	var rawDefs map[string]json.RawMessage
	{
		var r struct {
			Defs map[string]json.RawMessage `json:"$defs"`
		}
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatal(err)
		}
		rawDefs = r.Defs
	}
	keys := func(m map[string]json.RawMessage) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	sorted := func(s []string) []string {
		s = slices.Clone(s)
		sort.Strings(s)
		return s
	}
	for kind, fields := range KnownFields {
		props := root.Properties
		if kind != "document" {
			def, ok := root.Defs[kind]
			if !ok {
				t.Errorf("the schema has no $defs/%s", kind)
				continue
			}
			props = def.Properties
		}
		if got, want := keys(props), sorted(fields); !slices.Equal(got, want) {
			t.Errorf("%s: schema properties %v, loader fields %v", kind, got, want)
		}
	}
	prop := func(def, field string) node {
		var n node
		raw := root.Properties[field]
		if def != "" {
			raw = root.Defs[def].Properties[field]
		}
		if err := json.Unmarshal(raw, &n); err != nil {
			t.Errorf("%s.%s: %v", def, field, err)
		}
		return n
	}
	for _, tc := range []struct {
		def, field string
		want       []string
	}{
		{"", "paper", Papers},
		{"track", "pattern", Patterns},
		{"source", "type", SourceTypes},
		{"relation", "kind", RelationKinds},
		{"version", "field", VersionFields},
	} {
		if got := prop(tc.def, tc.field).Enum; !slices.Equal(got, tc.want) {
			t.Errorf("%s.%s: schema enum %v, loader %v", tc.def, tc.field, got, tc.want)
		}
	}
	if got := root.Defs["id"].Pattern; got != IDPattern {
		t.Errorf("id pattern: schema %q, loader %q", got, IDPattern)
	}
	// A name or index form: at most MaxName characters, in the schema's
	// only string branch.
	var entryName struct {
		AnyOf []struct {
			MaxLength int `json:"maxLength"`
		} `json:"anyOf"`
	}
	if err := json.Unmarshal(rawDefs["entry-name"], &entryName); err != nil {
		t.Fatal(err)
	}
	if len(entryName.AnyOf) == 0 || entryName.AnyOf[0].MaxLength != MaxName {
		t.Errorf("entry-name: schema maxLength %+v, loader MaxName %d", entryName.AnyOf, MaxName)
	}
	for _, kind := range []string{"person", "place"} {
		for _, field := range []string{"name", "index"} {
			var ref struct {
				Ref string `json:"$ref"`
			}
			if err := json.Unmarshal(root.Defs[kind].Properties[field], &ref); err != nil || ref.Ref != "#/$defs/entry-name" {
				t.Errorf("%s.%s: want $ref #/$defs/entry-name, got %q (%v)", kind, field, ref.Ref, err)
			}
		}
	}
	if got := prop("track", "color").Pattern; got != ColorPattern {
		t.Errorf("color pattern: schema %q, loader %q", got, ColorPattern)
	}
	// The schema's pattern for a hyphenation entry accepts exactly what
	// the loader does.
	var hy struct {
		Items struct {
			Pattern string `json:"pattern"`
		} `json:"items"`
	}
	if err := json.Unmarshal(root.Properties["hyphenation"], &hy); err != nil {
		t.Fatal(err)
	}
	re, err := regexp.Compile(hy.Items.Pattern)
	if err != nil {
		t.Fatalf("hyphenation pattern: %v", err)
	}
	for _, w := range []string{"Teh-ran", "Tu-kha-chev-sky", "Baku", "a", "ab-c", "", "-a", "a-", "a--b", "a b",
		"a1", "Kü-çük", "Kemal’s", "Teh_ran", "é", "Z-z-z"} {
		_, msg := badHyphenation(w)
		if re.MatchString(w) != (msg == "") {
			t.Errorf("hyphenation %q: schema accepts %v, loader says %q", w, re.MatchString(w), msg)
		}
	}
}

// TestSchemaDatePattern checks the schema's loose date pattern accepts
// every form of date the README lists (and ParseDate accepts), and still
// refuses text that is plainly not an EDTF date.
func TestSchemaDatePattern(t *testing.T) {
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var root struct {
		Defs map[string]struct {
			Pattern string `json:"pattern"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	re, err := regexp.Compile(root.Defs["date"].Pattern)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"1920-05-18", "1920-05", "1920", "1920-05~", "1920?", "1920-05%", "1920-21", "192X", "1920-XX",
		"1905/1909", "1920-05/1920-06", "1920-05-18/1920-06-05", "1920~/1921?", "../1920", "1920/..",
		"1920/", "/1920", "-0043", "-0100/-0043", "1920~-05",
	} {
		if _, err := ParseDate(s); err != nil {
			t.Errorf("ParseDate(%q): %v", s, err)
		}
		if !re.MatchString(s) {
			t.Errorf("the schema's date pattern refuses %q", s)
		}
	}
	for _, s := range []string{"May 1920", "1920-05-18T10:00", "20", "1920 - 1921", "", "/", "../.."} {
		if re.MatchString(s) {
			t.Errorf("the schema's date pattern accepts %q", s)
		}
	}
}

package content

import (
	"strings"
	"testing"
)

// TestDefaultSources formats the five sources of the default handout as
// /work/shared/seeds/README.md describes them, with only what the texts
// themselves give, in a plausible order of notes: the expected text is
// written by hand.
func TestDefaultSources(t *testing.T) {
	date := func(s string) *Date {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	// The sources as content/default/handout.yaml gives them: only what
	// the texts themselves give (Gafarov's title is supplied, in
	// brackets, because the copy has none).
	srcs := []*Source{
		{ID: "russia-beyond", Type: "webpage", Title: "How the Bolsheviks tried to Sovietize Iran",
			TitleShort: "Bolsheviks Tried to Sovietize Iran", ContainerTitle: "Russia Beyond"},
		{ID: "atabaki2017", Type: "webpage", Author: []Name{{Family: "Atabaki", Given: "Touraj"}},
			Title: "The Soviet Socialist Republic of Iran 1920-1921", TitleShort: "Soviet Socialist Republic of Iran",
			Publisher: "International Institute of Social History", Issued: date("2017-07-27")},
		{ID: "stalin1920", Type: "letter", Genre: "telegram", Author: []Name{{Family: "Stalin", Given: "I. V."}},
			Recipient:  []Name{{Family: "Lenin"}, {Literal: "the Central Committee"}},
			EventPlace: "Vladikavkaz", Issued: date("1920-11-16"),
			Archive: "RGASPI", ArchiveLocation: "f. 558, op. 11, d. 317, ll. 0001-0003",
			Translator:     []Name{{Family: "Goldberg", Given: "Gary"}},
			ContainerTitle: "History and Public Policy Program Digital Archive", Publisher: "Wilson Center"},
		{ID: "red-army-invasion", Type: "entry-encyclopedia", Title: "Red Army invasion of Azerbaijan", TitleShort: "Red Army Invasion"},
		{ID: "gafarov", Type: "article-journal", Author: []Name{{Family: "Gafarov", Given: "Vasif"}},
			Title:      "[Soviet Russia and Turkey, 1919-1921, and the sovietization of Azerbaijan]",
			TitleShort: "[Sovietization of Azerbaijan]"},
	}
	c := NewCiter(testDoc(srcs), CiteOptions{})
	for i, tt := range []noteCase{
		{"@russia-beyond, para. 4", "“How the Bolsheviks Tried to Sovietize Iran,” Russia Beyond, n.d., para. 4."},
		{"@atabaki2017, para. 3", "Touraj Atabaki, “The Soviet Socialist Republic of Iran 1920–1921,” International Institute of Social History, July 27, 2017, para. 3."},
		{"@atabaki2017, para. 3", "Ibid."},
		{"@red-army-invasion, para. 2", "“Red Army Invasion of Azerbaijan,” n.d., para. 2."},
		{"@stalin1920", "I. V. Stalin to Lenin and the Central Committee, telegram, Vladikavkaz, November 16, 1920, RGASPI, f. 558, op. 11, d. 317, ll. 0001–0003, trans. Gary Goldberg, History and Public Policy Program Digital Archive, Wilson Center."},
		{"@gafarov, para. 12", "Vasif Gafarov, [Soviet Russia and Turkey, 1919–1921, and the sovietization of Azerbaijan], n.d., para. 12."},
		{"@russia-beyond, para. 9", "“Bolsheviks Tried to Sovietize Iran,” para. 9."},
		{"see @atabaki2017, para. 9; @russia-beyond, para. 12", "See Atabaki, “Soviet Socialist Republic of Iran,” para. 9; “Bolsheviks Tried to Sovietize Iran,” para. 12."},
		{"@stalin1920", "Stalin to Lenin and the Central Committee, November 16, 1920."},
		{"@gafarov, para. 14", "Gafarov, [Sovietization of Azerbaijan], para. 14."},
		{"@red-army-invasion", "“Red Army Invasion.”"},
	} {
		cites, err := ParseCitation(tt.cite)
		if err != nil {
			t.Fatal(err)
		}
		if got := render(c.Note(cites)); got != tt.want {
			t.Errorf("note %d [%s]\n got %s\nwant %s", i+1, tt.cite, got, tt.want)
		}
	}
	var bib []string
	for _, e := range c.Bibliography() {
		bib = append(bib, render(e))
	}
	want := []string{
		"Atabaki, Touraj. “The Soviet Socialist Republic of Iran 1920–1921.” International Institute of Social History, July 27, 2017.",
		"Gafarov, Vasif. [Soviet Russia and Turkey, 1919–1921, and the sovietization of Azerbaijan]. N.d.",
		"“Red Army Invasion of Azerbaijan.” N.d.",
		"Russia Beyond. “How the Bolsheviks Tried to Sovietize Iran.” N.d.",
		"Stalin, I. V. Telegram to Lenin and the Central Committee. Vladikavkaz, November 16, 1920. RGASPI, f. 558, op. 11, d. 317, ll. 0001–0003. Translated by Gary Goldberg. History and Public Policy Program Digital Archive, Wilson Center.",
	}
	if strings.Join(bib, "\n") != strings.Join(want, "\n") {
		t.Errorf("bibliography\n got:\n%s\nwant:\n%s", strings.Join(bib, "\n"), strings.Join(want, "\n"))
	}
	wantLacks := []string{
		`-: warning: source "russia-beyond" has no author, no date, no URL`,
		`-: warning: source "atabaki2017" has no URL`,
		`-: warning: source "red-army-invasion" has no reference work, no date or edition`,
		`-: warning: source "gafarov" has no journal, no volume or issue, no date, no page range`,
	}
	if got := strings.Join(c.Lacks(), "\n"); got != strings.Join(wantLacks, "\n") {
		t.Errorf("Lacks\n got:\n%s\nwant:\n%s", got, strings.Join(wantLacks, "\n"))
	}
}

package content_test

import (
	"fmt"
	"strings"

	"annalist/content"
)

// Notes are formatted in document order: the first citation of a source
// in full, later ones short, a repeat in the next note as "Ibid.". The
// bibliography lists the sources cited.
func ExampleCiter() {
	issued, _ := content.ParseDate("2017-07-27")
	doc := &content.Document{Sources: []*content.Source{{
		ID: "atabaki2017", Type: "webpage",
		Author:    []content.Name{{Family: "Atabaki", Given: "Touraj"}},
		Title:     "The Soviet Socialist Republic of Iran 1920-1921",
		Publisher: "International Institute of Social History",
		Issued:    &issued,
	}}}
	c := content.NewCiter(doc, content.CiteOptions{})
	plain := func(spans []content.Span) string {
		var b strings.Builder
		for _, s := range spans {
			if s.Italic {
				b.WriteString("*" + s.Text + "*")
			} else {
				b.WriteString(s.Text)
			}
		}
		return b.String()
	}
	for _, text := range []string{"@atabaki2017, para. 3", "@atabaki2017, para. 5", "see @atabaki2017, paragraphs 7-9"} {
		cites, err := content.ParseCitation(text)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(plain(c.Note(cites)))
	}
	for _, entry := range c.Bibliography() {
		fmt.Println(plain(entry))
	}
	// Output:
	// Touraj Atabaki, “The Soviet Socialist Republic of Iran 1920–1921,” International Institute of Social History, July 27, 2017, para. 3.
	// Ibid., para. 5.
	// See ibid., paras. 7–9.
	// Atabaki, Touraj. “The Soviet Socialist Republic of Iran 1920–1921.” International Institute of Social History, July 27, 2017.
}

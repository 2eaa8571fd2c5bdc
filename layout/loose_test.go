package layout

import (
	"strings"
	"testing"

	"annalist/content"
)

// Paragraphs of the default handout as the narrative sets them (event
// titles inline, "^N" a note marker), with the numbers they carry there:
// the ones that had very loose lines at the real measure.
const (
	handoutTelegram  = "The telegram then proposes a single republican Persian state, a Majlis elected by general and equal suffrage, a national army and better conditions for peasants at the khans’ expense. Its second point reports changes at the top of the party Central Committee of the Iranian Communist Party reshaped: the Iranian Communist Party’s Central Committee had been remade, with Zeydar-Khan and Persian workers from Baku brought in to replace Sultan-Zade and others. It also mentions a directive to shift the party’s work to Tabriz, “the most revolutionary province.”^171 Our copy does not give the directive’s text. The telegram further relays Ehsanollah’s request for an amnesty for the Persians fighting in the Soviet ranks, and for leave to go to Russia himself, if peace were made with the Shah. Kuchik’s delegates in Moscow, it says, should be “shown the door.”^172"
	handoutDiplomacy = "Diplomacy overtook the revolution. Soviet Russia opened talks with Tehran in late September 1920 Soviet-Iranian negotiations begin, and on 26 February 1921 the two sides signed a treaty of friendship Soviet-Iranian treaty of friendship signed.^173 A caption in the article calls it the “Russo-Persian Treaty of Friendship.”^174 Why Moscow dropped Gilan is another point of disagreement Moscow and Baku withdraw their support from Gilan. Russia Beyond links the withdrawal to the treaty with Iran. In its account Moscow and Baku dropped the republic and started bringing their troops home, though only once the British had begun to evacuate theirs, in May 1921 British begin evacuating their troops from Iran.^175 Atabaki names a different agreement. For him the republic’s end dates from March 1921, when the Anglo-Soviet trade agreement was ratified, for it called on the Soviet side to withdraw its support from the republic Anglo-Soviet trade agreement ratified.^176 The two explanations do not exclude each other, but each text gives only one."
	handoutTexts     = "The texts do not agree on who led the government that winter. The encyclopedia article calls Khoyski prime minister in January,^189 yet it has “Ussubakov’s government” resign on 1 April Yusifbeyli’s government resigns.^190 Gafarov names Nasib Yusifbeyli (Ussubekov) as premier in 1919.^191 The handout reports each text’s words and does not settle the question."
	handoutPressure  = "The pressure grew from within as well. By late April the Azerbaijan Communist Party had reached 4,000 members Azerbaijan Communist Party reaches 4,000 members, and many people argued that only surrender to Soviet Russia could save the republic. The interior minister, Mammad Hasan Hajinski, backed the idea strongly; even after a move to a lesser post he kept up pro-Russian dealings, among them oil sales to the Soviets.^192 Armenian protests began in Karabakh and Yerevan on 23 March 1920 Armenian protests in Karabakh and Yerevan. The government sent much of its army there and left Baku and the north thinly defended, just as the Eleventh Army came down through Dagestan towards the border.^193"
	handoutChannel   = "A second channel ran through the Karakol Society, founded on 20 October 1918 Karakol Society founded.^225 Its envoy Baha Sait Bey negotiated with the Bolsheviks’ Caucasian Committee in November 1919 Baha Sait negotiates with the Bolsheviks’ Caucasian Committee. On 11 January 1920 he and Shalva Eliava signed a treaty Soviet treaty with Turkey’s “Interim Revolutionary Government”.^226 Soviet Russia promised arms and money. The Turkish side promised to help the Soviets fight Denikin, Kolchak and their other enemies, and to support anti-British risings as far afield as Iran and India.^227 In its Article 11 both sides undertook to act against the governments of Georgia, Armenia and Azerbaijan.^228 Early in 1920 the Turks working in Baku united as a Turkish Communist Party Turkish Communist Party formed in Baku.^229 Gafarov says the party followed the instructions of Kemal and Karabekir, who meant to trade “the Sovietization of Azerbaijan for Soviet assistance to Anatolia.”^230"
)

// TestLooseLinesRealMeasure sets paragraphs of the handout with the
// embedded fonts at the real measures (A4 391.28pt, Letter 396pt, 11pt
// Noto Serif, 14pt indent) and counts lines looser than the tolerance,
// with font expansion and without. Before the glue and hyphenation fixes
// each had one or two; without expansion, a line that stays loose is one
// no break can save (the next word is unbreakable and too long to shrink
// in), and it says why. Expansion saves each of them: the letters' 2%
// is a third again as much stretch as the spaces have.
func TestLooseLinesRealMeasure(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		indent   Pt
		width    Pt
		loose    int      // lines with badness > tolerance, expanded
		unexpand int      // and without expansion
		hyph     []string // the document's hyphenation exceptions
	}{
		{"telegram a4", handoutTelegram, 0, 391.28, 0, 1, nil}, // "a Majlis | elected": "elected" has no break 2+3 allows
		{"telegram letter", handoutTelegram, 0, 396, 0, 0, nil},
		{"diplomacy a4", handoutDiplomacy, 14, 391.28, 0, 1, nil}, // "talks with | Tehran": no pattern breaks Tehran
		{"diplomacy letter", handoutDiplomacy, 14, 396, 0, 1, nil},
		// With Teh-ran among the document's exceptions, as in the
		// handout, the line before the name is loose no more.
		{"diplomacy a4 Teh-ran", handoutDiplomacy, 14, 391.28, 0, 0, []string{"Teh-ran"}},
		{"diplomacy letter Teh-ran", handoutDiplomacy, 14, 396, 0, 0, []string{"Teh-ran"}},
		{"texts a4", handoutTexts, 14, 391.28, 0, 0, nil},
		{"texts letter", handoutTexts, 14, 396, 0, 0, nil},
		{"pressure a4", handoutPressure, 14, 391.28, 0, 0, nil},
		{"pressure letter", handoutPressure, 14, 396, 0, 0, nil},
		{"channel a4", handoutChannel, 0, 391.28, 0, 0, nil},
		{"channel letter", handoutChannel, 0, 396, 0, 0, nil},
	}
	for _, tt := range tests {
		for _, expand := range []bool{true, false} {
			name, want := tt.name, tt.loose
			if !expand {
				name, want = tt.name+" unexpanded", tt.unexpand
			}
			t.Run(name, func(t *testing.T) {
				s := newSetter(NewMeasurer())
				s.noExpansion = !expand
				s.b.hyph = newHyphenation(tt.hyph)
				lines := s.setPar(&parSpec{runs: runs(tt.text, 11), align: Justify, x: 0, width: tt.width, firstIndent: tt.indent, leading: 14.5})
				if s.ratios == nil {
					t.Fatalf("set ragged-right: %v", s.warnings)
				}
				loose := 0
				for i, r := range s.ratios {
					if r < -1 {
						t.Errorf("line %d overfull (ratio %.2f)", i+1, r)
					}
					if 100*r*r*r > tolerance {
						loose++
						t.Logf("line %d: ratio %.2f: %s", i+1, r, lineText(lines[i]))
					}
				}
				if loose != want {
					t.Errorf("%d loose lines, want %d", loose, want)
				}
			})
		}
	}
}

func lineText(ln parLine) string {
	var b strings.Builder
	for _, it := range ln.items {
		if tx, ok := it.(Text); ok {
			b.WriteString(tx.Text + " ")
		}
	}
	return b.String()
}

// TestHandoutLooseLines builds the whole default handout (without its
// charts) with the embedded fonts, on both papers: no justified paragraph
// has a very loose line (there were 8 on A4, 9 on Letter; 2 and 2 before
// the handout listed its hyphenation exceptions; 0 and 1 before font
// expansion), and none is set ragged-right or overfull.
func TestHandoutLooseLines(t *testing.T) {
	doc, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			out, err := Build(doc, nil, Options{Paper: paper, Date: 1700000000})
			if err != nil {
				t.Fatal(err)
			}
			loose := 0
			for _, w := range out.Warnings {
				switch {
				case strings.Contains(w, "very loose"):
					loose++
					t.Log(w)
				case strings.Contains(w, "ragged-right"), strings.Contains(w, "overfull"):
					t.Error(w)
				}
			}
			// About 110 paragraphs. Tehran, Tukhachevsky and
			// Karabekir, which the patterns cannot break, are in the
			// handout's hyphenation; the one left on Letter before
			// expansion was "On 6 February Kemal told Karabekir".
			if loose > 0 {
				t.Errorf("%d paragraphs with very loose lines, want none", loose)
			}
		})
	}
}

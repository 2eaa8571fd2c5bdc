package content

import (
	"strings"
	"testing"
	"unicode"
)

// The expected notes and entries below were written by hand from The
// Chicago Manual of Style, 17th edition (notes-bibliography: 14.19-14.36
// notes, short forms and ibid.; 14.64-14.73 bibliography; 14.100-14.117
// books; 14.171-14.191 periodicals; 14.206-14.207 websites and unsigned
// articles; 14.219-14.232 letters and manuscripts; 14.233 reference
// works), several taken from its own examples, not from this code's
// output.

// render prints spans as plain text with *italics* marked by asterisks.
func render(spans []Span) string {
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

func day(y, m, d int) *Date {
	p := Point{Year: y, Month: m, Day: d, Precision: PrecisionDay}
	return &Date{Start: p, End: p}
}

func year(y int) *Date {
	p := Point{Year: y, Precision: PrecisionYear}
	return &Date{Start: p, End: p}
}

var testSources = []*Source{
	{ID: "chaqueri1995", Type: "book", Author: []Name{{Family: "Chaqueri", Given: "Cosroe"}},
		Title:          "The Soviet Socialist Republic of Iran, 1920-1921: Birth of the Trauma",
		PublisherPlace: "Pittsburgh", Publisher: "University of Pittsburgh Press", Issued: year(1995)},
	{ID: "atabaki2006", Type: "book", Editor: []Name{{Family: "Atabaki", Given: "Touraj"}},
		Title: "Iran and the First World War: A Battleground of the Great Powers", TitleShort: "Iran and the First World War",
		PublisherPlace: "London", Publisher: "I. B. Tauris", Issued: year(2006)},
	{ID: "kapuscinski1992", Type: "book", Author: []Name{{Family: "Kapuściński", Given: "Ryszard"}},
		Translator: []Name{{Family: "Brand", Given: "William R."}, {Family: "Mroczkowska-Brand", Given: "Katarzyna"}},
		Title:      "Shah of shahs", PublisherPlace: "New York", Publisher: "Vintage", Issued: year(1992)},
	{ID: "keddie2006", Type: "book", Author: []Name{{Family: "Keddie", Given: "Nikki R."}, {Family: "Richard", Given: "Yann"}},
		Title: "Modern Iran: roots and results of revolution", Edition: "2",
		PublisherPlace: "New Haven", Publisher: "Yale University Press", Issued: year(2006)},
	{ID: "adams2020", Type: "book", Author: []Name{{Family: "Adams", Given: "Anne"}, {Family: "Brown", Given: "Bob"},
		{Family: "Clark", Given: "Carl"}, {Family: "Davis", Given: "Dora"}},
		Title: "The Caspian in History", PublisherPlace: "London", Publisher: "Routledge", Issued: year(2020)},
	{ID: "genis", Type: "book", Language: "ru", Author: []Name{{Family: "Genis", Given: "Vladimir"}},
		Title: "Krasnaia Persiia: bol'sheviki v Giliane, 1920-1921", PublisherPlace: "Moscow", Publisher: "MNPI"},
	{ID: "icrc1921", Type: "report", Author: []Name{{Literal: "International Committee of the Red Cross"}},
		Title: "Report on the situation of refugees in the Caucasus", PublisherPlace: "Geneva", Publisher: "ICRC", Issued: year(1921)},
	{ID: "gokay1998", Type: "chapter", Author: []Name{{Family: "Gökay", Given: "Bülent"}},
		Title: "The Turkish Communist Party: The Fate of the Founders", ContainerTitle: "Turkey and the Soviet Union",
		Editor: []Name{{Family: "Harris", Given: "George"}, {Family: "Özbudun", Given: "Ergun"}},
		Page:   "30-52", PublisherPlace: "London", Publisher: "Frank Cass", Issued: year(1998)},
	{ID: "gafarov2011", Type: "article-journal", Author: []Name{{Family: "Gafarov", Given: "Vasif"}},
		Title: "Soviet Russia and Turkey, 1919-1921", ContainerTitle: "Caucasus and Globalization",
		Volume: "5", Issue: "3", Page: "168-179", Issued: year(2011), DOI: "10.1234/cag.2011.5.3"},
	{ID: "gafarovnd", Type: "article-journal", Author: []Name{{Family: "Gafarov", Given: "Vasif"}},
		Title: "Sovietization of Azerbaijan as part of the relations between the Anatolian movement and Soviet Russia"},
	{ID: "roe2007", Type: "article-journal", Author: []Name{{Family: "Roe", Given: "Pat"}},
		Title: "Who Were the Jangalis?", ContainerTitle: "Iranian Studies", Volume: "40", Issue: "1", Page: "1-20", Issued: year(2007)},
	{ID: "manjoo2017", Type: "article-newspaper", Author: []Name{{Family: "Manjoo", Given: "Farhad"}},
		Title: "Snap Makes a Bet on the Cultural Supremacy of the Camera", ContainerTitle: "New York Times", Issued: day(2017, 3, 8),
		URL: "https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html"},
	{ID: "nyt2002", Type: "article-newspaper", Title: "In Texas, Ad Heats Up Race for Governor", TitleShort: "In Texas, Ad Heats Up Race",
		ContainerTitle: "New York Times", Issued: day(2002, 7, 30)},
	{ID: "rb", Type: "article-magazine", Title: "How the Bolsheviks tried to Sovietize Iran", ContainerTitle: "Russia Beyond",
		Pos: Pos{File: "handout.yaml", Line: 9, Column: 5}},
	{ID: "yale", Type: "webpage", Title: "About Yale: Yale Facts", Publisher: "Yale University", Accessed: day(2017, 5, 1),
		URL: "https://www.yale.edu/about-yale/yale-facts"},
	{ID: "britannica", Type: "entry-encyclopedia", Title: "Salvation Army", ContainerTitle: "Encyclopaedia Britannica",
		Accessed: day(2016, 7, 19), URL: "https://www.britannica.com/topic/Salvation-Army"},
	{ID: "redarmy", Type: "entry-encyclopedia", Title: "Red Army invasion of Azerbaijan",
		Pos: Pos{File: "handout.yaml", Line: 30, Column: 5}},
	{ID: "atabaki2017", Type: "webpage", Author: []Name{{Family: "Atabaki", Given: "Touraj"}},
		Title: "The Soviet Socialist Republic of Iran 1920-1921", Publisher: "International Institute of Social History",
		Issued: day(2017, 7, 27), URL: "https://iisg.amsterdam/en/blog/ssr-iran"},
	{ID: "stalin1920", Type: "letter", Author: []Name{{Family: "Stalin", Given: "Joseph"}},
		Recipient: []Name{{Family: "Lenin", Given: "Vladimir"}}, Genre: "telegram", EventPlace: "Vladikavkaz",
		Issued: day(1920, 11, 16), Archive: "RGASPI", ArchiveLocation: "f. 558, op. 11, d. 317, ll. 0001-0003",
		Translator: []Name{{Family: "Goldberg", Given: "Gary"}}, ContainerTitle: "History and Public Policy Program Digital Archive",
		Publisher: "Wilson Center", URL: "https://digitalarchive.wilsoncenter.org/document/example"},
	{ID: "creel1918", Type: "letter", Author: []Name{{Family: "Creel", Given: "George"}}, Recipient: []Name{{Family: "House", Given: "Edward M."}},
		Issued: day(1918, 9, 25), CollectionTitle: "Edward M. House Papers", Archive: "Yale University Library"},
	{ID: "protocol12", Type: "document", Title: "Protocol no. 12 of the Politburo of the Central Committee",
		Issued: day(1920, 5, 2), Archive: "RGASPI", ArchiveLocation: "f. 17, op. 3, d. 80"},
	{ID: "golubeva2010", Type: "thesis", Author: []Name{{Family: "Golubeva", Given: "Anna"}},
		Title: "The Caspian Flotilla and the Enzeli Operation, 1920", Genre: "PhD diss.", Publisher: "University of Chicago", Issued: year(2010)},
	// Sources with almost nothing, for the invariants.
	{ID: "bare-web", Type: "webpage"},
	{ID: "bare-book", Type: "book", Genre: "pamphlet on the Baku commune"},
	{ID: "bare-letter", Type: "letter"},
	{ID: "bare-entry", Type: "entry-encyclopedia", ContainerTitle: "Britannica", Author: []Name{{Given: "Plato"}}},
	{ID: "quoting", Type: "article-journal", Author: []Name{{Family: "Roe", Given: "Pat"}}, Title: `The word "Soviet"`,
		ContainerTitle: "Slavic Review", Volume: "1", Issued: year(1999)},
	{ID: "untitled", Type: "article-journal", Author: []Name{{Family: "Lee", Given: "Ann"}}, Genre: "article on the Baku commune"},
	{ID: "zotero-letter", Type: "letter", Genre: "Letter", Author: []Name{{Family: "Lenin", Given: "Vladimir"}},
		Recipient: []Name{{Family: "Stalin", Given: "Joseph"}}, Issued: day(1920, 11, 20), Archive: "RGASPI"},
	{ID: "zotero-telegram", Type: "letter", Genre: "Telegram", Title: "Telegram to Baku", Issued: day(1920, 4, 28)},
	{ID: "bakucommune", Type: "entry-encyclopedia", Title: "The Baku commune"},
	{ID: "smith1985", Type: "manuscript", Author: []Name{{Family: "Smith", Given: "Mary"}},
		Title: "Notes on the Jangali movement", Issued: year(1985)},
}

type noteCase struct{ cite, want string }

var citeScenarios = []struct {
	name  string
	opts  CiteOptions
	notes []noteCase
	bib   []string
	lacks []string
}{
	{
		name: "books",
		notes: []noteCase{
			{"@chaqueri1995, 45", "Cosroe Chaqueri, *The Soviet Socialist Republic of Iran, 1920–1921: Birth of the Trauma* (Pittsburgh: University of Pittsburgh Press, 1995), 45."},
			{"@atabaki2006, p. 12", "Touraj Atabaki, ed., *Iran and the First World War: A Battleground of the Great Powers* (London: I. B. Tauris, 2006), 12."},
			{"@chaqueri1995, pp. 50-52", "Chaqueri, *Soviet Socialist Republic*, 50–52."},
			{"@chaqueri1995, pp. 50-52", "Ibid."},
			{"@chaqueri1995, 53", "Ibid., 53."},
			// After a note with a locator, "Ibid." alone would claim the same page.
			{"@chaqueri1995", "Chaqueri, *Soviet Socialist Republic*."},
			{"@chaqueri1995", "Ibid."},
			{"@atabaki2006, 14", "Atabaki, *Iran and the First World War*, 14."},
			{"@kapuscinski1992, 12", "Ryszard Kapuściński, *Shah of Shahs*, trans. William R. Brand and Katarzyna Mroczkowska-Brand (New York: Vintage, 1992), 12."},
			{"@keddie2006, 75", "Nikki R. Keddie and Yann Richard, *Modern Iran: Roots and Results of Revolution*, 2nd ed. (New Haven: Yale University Press, 2006), 75."},
			{"@keddie2006, 80", "Ibid., 80."},
			{"@kapuscinski1992; @keddie2006, 81", "Kapuściński, *Shah of Shahs*; Keddie and Richard, *Modern Iran*, 81."},
			// The previous note cited two sources: no "Ibid.".
			{"@keddie2006, 81", "Keddie and Richard, *Modern Iran*, 81."},
			{"see @keddie2006, 82", "See ibid., 82."},
			{"@adams2020, chapter 2", "Anne Adams et al., *The Caspian in History* (London: Routledge, 2020), chap. 2."},
			{"@genis, 12", "Vladimir Genis, *Krasnaia Persiia: bol’sheviki v Giliane, 1920–1921* (Moscow: MNPI, n.d.), 12."},
			{"@adams2020, 6", "Adams et al., *Caspian in History*, 6."},
			{"@genis, 15", "Genis, *Krasnaia Persiia*, 15."},
			{"@icrc1921, 4", "International Committee of the Red Cross, *Report on the Situation of Refugees in the Caucasus* (Geneva: ICRC, 1921), 4."},
		},
		bib: []string{
			"Adams, Anne, Bob Brown, Carl Clark, and Dora Davis. *The Caspian in History*. London: Routledge, 2020.",
			"Atabaki, Touraj, ed. *Iran and the First World War: A Battleground of the Great Powers*. London: I. B. Tauris, 2006.",
			"Chaqueri, Cosroe. *The Soviet Socialist Republic of Iran, 1920–1921: Birth of the Trauma*. Pittsburgh: University of Pittsburgh Press, 1995.",
			"Genis, Vladimir. *Krasnaia Persiia: bol’sheviki v Giliane, 1920–1921*. Moscow: MNPI, n.d.",
			"International Committee of the Red Cross. *Report on the Situation of Refugees in the Caucasus*. Geneva: ICRC, 1921.",
			"Kapuściński, Ryszard. *Shah of Shahs*. Translated by William R. Brand and Katarzyna Mroczkowska-Brand. New York: Vintage, 1992.",
			"Keddie, Nikki R., and Yann Richard. *Modern Iran: Roots and Results of Revolution*. 2nd ed. New Haven: Yale University Press, 2006.",
		},
		lacks: []string{`-: warning: source "genis" has no date`},
	},
	{
		name: "periodicals, web pages and reference works",
		notes: []noteCase{
			{"@gafarov2011, 170", "Vasif Gafarov, “Soviet Russia and Turkey, 1919–1921,” *Caucasus and Globalization* 5, no. 3 (2011): 170, https://doi.org/10.1234/cag.2011.5.3."},
			{"@roe2007", "Pat Roe, “Who Were the Jangalis?” *Iranian Studies* 40, no. 1 (2007): 1–20."},
			{"@gafarov2011, 172", "Gafarov, “Soviet Russia and Turkey,” 172."},
			{"@roe2007, 5", "Roe, “Who Were the Jangalis?” 5."},
			{"@manjoo2017", "Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” *New York Times*, March 8, 2017, https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html."},
			{"@nyt2002", "“In Texas, Ad Heats Up Race for Governor,” *New York Times*, July 30, 2002."},
			{"@manjoo2017", "Manjoo, “Snap Makes a Bet.”"},
			{"@nyt2002", "“In Texas, Ad Heats Up Race.”"},
			{"@rb, para. 4", "“How the Bolsheviks Tried to Sovietize Iran,” *Russia Beyond*, n.d., para. 4."},
			{"@rb, paragraph 5", "Ibid., para. 5."},
			{"@yale", "“About Yale: Yale Facts,” Yale University, accessed May 1, 2017, https://www.yale.edu/about-yale/yale-facts."},
			{"@rb, para. 6", "“How the Bolsheviks Tried,” para. 6."},
			{"@yale", "“About Yale.”"},
			{"@britannica", "*Encyclopaedia Britannica*, s.v. “Salvation Army,” accessed July 19, 2016, https://www.britannica.com/topic/Salvation-Army."},
			{"@redarmy, para. 2", "“Red Army Invasion of Azerbaijan,” n.d., para. 2."},
			{"@britannica", "*Encyclopaedia Britannica*, s.v. “Salvation Army.”"},
			{"@redarmy, paras. 3-4", "“Red Army Invasion,” paras. 3–4."},
			{"@atabaki2017, para. 4", "Touraj Atabaki, “The Soviet Socialist Republic of Iran 1920–1921,” International Institute of Social History, July 27, 2017, para. 4, https://iisg.amsterdam/en/blog/ssr-iran."},
			{"@atabaki2017, para. 4", "Ibid."},
			{"@gafarovnd, 3", "Vasif Gafarov, “Sovietization of Azerbaijan as Part of the Relations between the Anatolian Movement and Soviet Russia,” n.d., 3."},
			{"@bakucommune", "“The Baku Commune,” n.d."},
		},
		bib: []string{
			"Atabaki, Touraj. “The Soviet Socialist Republic of Iran 1920–1921.” International Institute of Social History, July 27, 2017. https://iisg.amsterdam/en/blog/ssr-iran.",
			// Under B: the leading article is ignored.
			"“The Baku Commune.” N.d.",
			"*Encyclopaedia Britannica*. S.v. “Salvation Army.” Accessed July 19, 2016. https://www.britannica.com/topic/Salvation-Army.",
			"Gafarov, Vasif. “Soviet Russia and Turkey, 1919–1921.” *Caucasus and Globalization* 5, no. 3 (2011): 168–179. https://doi.org/10.1234/cag.2011.5.3.",
			"———. “Sovietization of Azerbaijan as Part of the Relations between the Anatolian Movement and Soviet Russia.” N.d.",
			"Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” *New York Times*, March 8, 2017. https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html.",
			"*New York Times*. “In Texas, Ad Heats Up Race for Governor.” July 30, 2002.",
			"“Red Army Invasion of Azerbaijan.” N.d.",
			"Roe, Pat. “Who Were the Jangalis?” *Iranian Studies* 40, no. 1 (2007): 1–20.",
			"*Russia Beyond*. “How the Bolsheviks Tried to Sovietize Iran.” N.d.",
			"Yale University. “About Yale: Yale Facts.” Accessed May 1, 2017. https://www.yale.edu/about-yale/yale-facts.",
		},
		lacks: []string{
			`-: warning: source "nyt2002" has no author, no URL or page`,
			`handout.yaml:9:5: warning: source "rb" has no author, no date, no URL or page`,
			`-: warning: source "yale" has no author`,
			`handout.yaml:30:5: warning: source "redarmy" has no reference work, no date or edition`,
			`-: warning: source "gafarovnd" has no journal, no volume or issue, no date, no page range`,
			`-: warning: source "bakucommune" has no reference work, no date or edition`,
		},
	},
	{
		name: "letters, archives, theses and manuscripts, with ShortIbid",
		opts: CiteOptions{ShortIbid: true},
		notes: []noteCase{
			{"@stalin1920", "Joseph Stalin to Vladimir Lenin, telegram, Vladikavkaz, November 16, 1920, RGASPI, f. 558, op. 11, d. 317, ll. 0001–0003, trans. Gary Goldberg, History and Public Policy Program Digital Archive, Wilson Center, https://digitalarchive.wilsoncenter.org/document/example."},
			{"@stalin1920, l. 2", "Stalin to Lenin, November 16, 1920, l. 2."},
			{"see @stalin1920, lines 2-3, on Kuchuk Khan", "See Stalin to Lenin, November 16, 1920, ll. 2–3, on Kuchuk Khan."},
			{"@creel1918", "George Creel to Edward M. House, September 25, 1918, Edward M. House Papers, Yale University Library."},
			{"@protocol12, l. 1", "“Protocol No. 12 of the Politburo of the Central Committee,” May 2, 1920, RGASPI, f. 17, op. 3, d. 80, l. 1."},
			{"@golubeva2010, 88", "Anna Golubeva, “The Caspian Flotilla and the Enzeli Operation, 1920” (PhD diss., University of Chicago, 2010), 88."},
			{"@smith1985, 3", "Mary Smith, “Notes on the Jangali Movement” (unpublished manuscript, 1985), 3."},
			{"@golubeva2010, 90", "Golubeva, “Caspian Flotilla,” 90."},
			// Four words, as the rule says, even where a person would
			// choose the key words: title-short is there for that.
			{"@smith1985", "Smith, “Notes on the Jangali.”"},
			{"@protocol12, l. 2", "“Protocol No. 12,” l. 2."},
			{"@protocol12, l. 2", "“Protocol No. 12,” l. 2."},
			// Genres as Zotero capitalizes them; no "letter" in a note.
			{"@zotero-letter; @zotero-telegram", "Vladimir Lenin to Joseph Stalin, November 20, 1920, RGASPI; “Telegram to Baku,” telegram, April 28, 1920."},
		},
		bib: []string{
			"Creel, George. Letter to Edward M. House. September 25, 1918. Edward M. House Papers, Yale University Library.",
			"Golubeva, Anna. “The Caspian Flotilla and the Enzeli Operation, 1920.” PhD diss., University of Chicago, 2010.",
			"Lenin, Vladimir. Letter to Joseph Stalin. November 20, 1920. RGASPI.",
			"“Protocol No. 12 of the Politburo of the Central Committee.” May 2, 1920. RGASPI, f. 17, op. 3, d. 80.",
			"Smith, Mary. “Notes on the Jangali Movement.” Unpublished manuscript, 1985.",
			"Stalin, Joseph. Telegram to Vladimir Lenin. Vladikavkaz, November 16, 1920. RGASPI, f. 558, op. 11, d. 317, ll. 0001–0003. Translated by Gary Goldberg. History and Public Policy Program Digital Archive, Wilson Center. https://digitalarchive.wilsoncenter.org/document/example.",
			"“Telegram to Baku.” April 28, 1920.",
		},
		// A letter needs no title; an archival protocol has no author.
		lacks: []string{`-: warning: source "protocol12" has no author`, `-: warning: source "zotero-telegram" has no author, no recipient, no archive or publication`},
	},
	{
		name: "chapters, several sources, prefixes and suffixes, unknown keys",
		notes: []noteCase{
			{"@gokay1998, 34-36", "Bülent Gökay, “The Turkish Communist Party: The Fate of the Founders,” in *Turkey and the Soviet Union*, ed. George Harris and Ergun Özbudun (London: Frank Cass, 1998), 34–36."},
			{"see @gokay1998, 40; cf. @chaqueri1995, pp. 3-5, for example", "See ibid., 40; cf. Cosroe Chaqueri, *The Soviet Socialist Republic of Iran, 1920–1921: Birth of the Trauma* (Pittsburgh: University of Pittsburgh Press, 1995), 3–5, for example."},
			{"@golubeva2010", "Anna Golubeva, “The Caspian Flotilla and the Enzeli Operation, 1920” (PhD diss., University of Chicago, 2010)."},
			{"@atabaki2006", "Touraj Atabaki, ed., *Iran and the First World War: A Battleground of the Great Powers* (London: I. B. Tauris, 2006)."},
			{"@atabaki2017 and the collections listed there", "Touraj Atabaki, “The Soviet Socialist Republic of Iran 1920–1921,” International Institute of Social History, July 27, 2017, https://iisg.amsterdam/en/blog/ssr-iran, and the collections listed there."},
			{"@nosuch, 3", "nosuch?, 3."},
			{"@roe2007, 5", "Pat Roe, “Who Were the Jangalis?” *Iranian Studies* 40, no. 1 (2007): 5."},
			{"@roe2007, 6; @gokay1998", "Ibid., 6; Gökay, “Turkish Communist Party.”"},
			{"@quoting, 3", "Pat Roe, “The Word ‘Soviet,’” *Slavic Review* 1 (1999): 3."},
			// An untitled work described by its genre.
			{"@untitled, 3", "Ann Lee, article on the Baku commune, n.d., 3."},
			{"@untitled, 4", "Ibid., 4."},
			{"@gokay1998; @untitled, 5", "Gökay, “Turkish Communist Party”; Lee, 5."},
			{"see @chaqueri1995, 7; @gokay1998, 41", "See Chaqueri, *Soviet Socialist Republic*, 7; Gökay, “Turkish Communist Party,” 41."},
		},
		bib: []string{
			"Atabaki, Touraj, ed. *Iran and the First World War: A Battleground of the Great Powers*. London: I. B. Tauris, 2006.",
			"———. “The Soviet Socialist Republic of Iran 1920–1921.” International Institute of Social History, July 27, 2017. https://iisg.amsterdam/en/blog/ssr-iran.",
			"Chaqueri, Cosroe. *The Soviet Socialist Republic of Iran, 1920–1921: Birth of the Trauma*. Pittsburgh: University of Pittsburgh Press, 1995.",
			"Gökay, Bülent. “The Turkish Communist Party: The Fate of the Founders.” In *Turkey and the Soviet Union*, edited by George Harris and Ergun Özbudun, 30–52. London: Frank Cass, 1998.",
			"Golubeva, Anna. “The Caspian Flotilla and the Enzeli Operation, 1920.” PhD diss., University of Chicago, 2010.",
			"Lee, Ann. Article on the Baku commune. N.d.",
			// "Who" before "Word": "o" sorts after "h".
			"Roe, Pat. “Who Were the Jangalis?” *Iranian Studies* 40, no. 1 (2007): 1–20.",
			"———. “The Word ‘Soviet.’” *Slavic Review* 1 (1999).",
		},
		lacks: []string{
			`-: warning: source "quoting" has no page range`,
			`-: warning: source "untitled" has no title, no journal, no volume or issue, no date, no page range`,
			`-: warning: unknown source "nosuch"`,
		},
	},
}

func testDoc(srcs []*Source) *Document {
	d := &Document{Sources: srcs, SourceByID: map[string]*Source{}}
	for _, s := range srcs {
		d.SourceByID[s.ID] = s
	}
	return d
}

func TestCiter(t *testing.T) {
	n := 0
	for _, sc := range citeScenarios {
		c := NewCiter(testDoc(testSources), sc.opts)
		for i, nc := range sc.notes {
			cites, err := ParseCitation(nc.cite)
			if err != nil {
				t.Fatalf("%s: note %d: %v", sc.name, i+1, err)
			}
			got := render(c.Note(cites))
			if got != nc.want {
				t.Errorf("%s: note %d [%s]\n got %s\nwant %s", sc.name, i+1, nc.cite, got, nc.want)
			}
			n++
		}
		var bib []string
		for _, e := range c.Bibliography() {
			bib = append(bib, render(e))
		}
		if strings.Join(bib, "\n") != strings.Join(sc.bib, "\n") {
			t.Errorf("%s: bibliography\n got:\n%s\nwant:\n%s", sc.name, strings.Join(bib, "\n"), strings.Join(sc.bib, "\n"))
		}
		n += len(sc.bib)
		if got, want := strings.Join(c.Lacks(), "\n"), strings.Join(sc.lacks, "\n"); got != want {
			t.Errorf("%s: Lacks\n got:\n%s\nwant:\n%s", sc.name, got, want)
		}
	}
	if n < 40 {
		t.Errorf("only %d cases", n)
	}
}

// TestNoteSpans checks what the plain rendering hides: which spans are
// italic and which are links.
func TestNoteSpans(t *testing.T) {
	c := NewCiter(testDoc(testSources), CiteOptions{})
	got := c.Note([]Cite{{Source: "manjoo2017", Locator: "2"}})
	want := []Span{
		{Text: "Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” "},
		{Text: "New York Times", Italic: true},
		{Text: ", March 8, 2017, 2, "},
		{Text: "https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html",
			URL: "https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html"},
		{Text: "."},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d spans %+v, want %d", len(got), got, len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("span %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestCiterInvariants checks properties every note and entry must have,
// for every source alone, in full, short and ibid. form, in both modes.
func TestCiterInvariants(t *testing.T) {
	for _, short := range []bool{false, true} {
		c := NewCiter(testDoc(testSources), CiteOptions{ShortIbid: short})
		for _, s := range testSources {
			for _, loc := range []string{"12", "12"} {
				check(t, s.ID, render(c.Note([]Cite{{Source: s.ID, Locator: loc}})))
			}
			check(t, s.ID, render(c.Note([]Cite{{Source: s.ID}})))
		}
		bib := c.Bibliography()
		if len(bib) != len(testSources) {
			t.Errorf("bibliography has %d entries, want %d", len(bib), len(testSources))
		}
		for _, e := range bib {
			check(t, "bibliography", render(e))
		}
	}
}

func check(t *testing.T, what, s string) {
	t.Helper()
	for _, bad := range []string{"  ", ",,", ",.", "..", " ,", " .", "“”", "**", "()"} {
		if strings.Contains(s, bad) {
			t.Errorf("%s: %q has %q", what, s, bad)
		}
	}
	if r := []rune(s + " ")[0]; r == ' ' || (unicode.IsLower(r) && !strings.HasPrefix(s, "bare-")) {
		t.Errorf("%s: %q does not start with a capital", what, s)
	}
	if strings.Contains(s, "s.v.,") || strings.Contains(s, "S.v.,") {
		t.Errorf("%s: %q has s.v. without a title", what, s)
	}
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ".”") && !strings.HasSuffix(s, "?”") && !strings.HasSuffix(s, ".’”") {
		t.Errorf("%s: %q does not end with a period", what, s)
	}
	if strings.Count(s, "“") != strings.Count(s, "”") || strings.Count(s, "(") != strings.Count(s, ")") {
		t.Errorf("%s: %q has unbalanced quotes or parentheses", what, s)
	}
}

func TestChicagoDate(t *testing.T) {
	pt := func(y, m, d int, p Precision) Point { return Point{Year: y, Month: m, Day: d, Precision: p} }
	for _, tt := range []struct {
		d    Date
		want string
	}{
		{*day(2017, 7, 27), "July 27, 2017"},
		{Date{Start: pt(1920, 5, 0, PrecisionMonth), End: pt(1920, 5, 0, PrecisionMonth)}, "May 1920"},
		{*year(1995), "1995"},
		{Date{Start: Point{Year: 1920, Precision: PrecisionYear, Approximate: true}}, "ca. 1920"},
		{Date{Start: Point{Year: 1920, Month: 5, Precision: PrecisionMonth, Uncertain: true}}, "May 1920?"},
		{Date{Start: pt(1920, 21, 0, PrecisionMonth)}, "Spring 1920"},
		{Date{Start: pt(-43, 0, 0, PrecisionYear)}, "44 BCE"},
		{Date{Start: Point{Year: 1920, Precision: PrecisionYear, UnspecifiedYearDigits: 1}}, "1920s"},
		{Date{Start: pt(1920, 4, 27, PrecisionDay), End: pt(1920, 5, 12, PrecisionDay), Interval: true}, "April 27–May 12, 1920"},
		{Date{Start: pt(1920, 4, 1, PrecisionDay), End: pt(1920, 4, 5, PrecisionDay), Interval: true}, "April 1–5, 1920"},
		{Date{Start: pt(1920, 6, 0, PrecisionMonth), End: pt(1921, 9, 0, PrecisionMonth), Interval: true}, "June 1920–September 1921"},
		{Date{Start: pt(1905, 0, 0, PrecisionYear), End: pt(1909, 0, 0, PrecisionYear), Interval: true}, "1905–1909"},
	} {
		if got := chicagoDate(tt.d); got != tt.want {
			t.Errorf("chicagoDate(%+v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// TestChicagoDateParsed runs chicagoDate on dates from the real parser.
func TestChicagoDateParsed(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"1920-05-18", "May 18, 1920"},
		{"1920-05", "May 1920"},
		{"1920-05~", "ca. May 1920"},
		{"1920?", "1920?"},
		{"1920-21", "Spring 1920"},
		{"192X", "1920s"},
		{"1920-XX", "1920"},
		{"-0043", "44 BCE"},
		{"1920-06-05/1921-09", "June 5, 1920–September 1921"},
		{"1920-04-27/1920-05-12", "April 27–May 12, 1920"},
		{"../1920", "by 1920"},
		{"1920/..", "from 1920"},
	} {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got := chicagoDate(d); got != tt.want {
			t.Errorf("chicagoDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatLocator(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"45", "45"},
		{"p. 45", "45"},
		{"pp. 45-47", "45–47"},
		{"page 3", "3"},
		{"para. 4", "para. 4"},
		{"paragraph 4", "para. 4"},
		{"para. 3-5", "paras. 3–5"},
		{"l. 1-3", "ll. 1–3"},
		{"ll. 2", "l. 2"},
		{"f. 558, op. 11, d. 317, ll. 1-3", "f. 558, op. 11, d. 317, ll. 1–3"},
		{"fig. 2", "fig. 2"},
		{"n. 14", "n. 14"},
		{"xv-xvii", "xv–xvii"},
		{"12--14", "12–14"},
		{"the preface", "the preface"},
	} {
		if got := formatLocator(tt.in); got != tt.want {
			t.Errorf("formatLocator(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadline(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"How the Bolsheviks tried to Sovietize Iran", "How the Bolsheviks Tried to Sovietize Iran"},
		{"the soviet socialist republic of iran", "The Soviet Socialist Republic of Iran"},
		{"modern Iran: roots and results of revolution", "Modern Iran: Roots and Results of Revolution"},
		{"what the war was for", "What the War Was For"},
		{"the iPhone and the 1920s, e.g. in Baku", "The iPhone and the 1920s, e.g. in Baku"},
		{"“red” flags on the Caspian", "“Red” Flags on the Caspian"},
		{"Charles de Gaulle and the al-Qaida question", "Charles de Gaulle and the al-Qaida Question"},
		{"anti-imperialist struggle", "Anti-imperialist Struggle"},
	} {
		if got := headline(tt.in, nil); got != tt.want {
			t.Errorf("headline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

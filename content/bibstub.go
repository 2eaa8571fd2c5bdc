package content

// Temporary stand-ins for the bibliography readers being written on the
// cite branch (content/csl.go, content/bibtex.go). The merge deletes this
// file.

// ParseCSLJSON reads a CSL-JSON bibliography (not supported yet).
func ParseCSLJSON(name string, data []byte) ([]*Source, error) {
	return nil, &Error{Pos: Pos{File: name, Line: 1, Column: 1}, Msg: "bibliography files are not supported yet: put the sources under sources: in the YAML"}
}

// ParseBibTeX reads a BibTeX bibliography (not supported yet).
func ParseBibTeX(name string, data []byte) ([]*Source, error) {
	return nil, &Error{Pos: Pos{File: name, Line: 1, Column: 1}, Msg: "bibliography files are not supported yet: put the sources under sources: in the YAML"}
}

package rules

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// statutesDoc is the page that maps every reason code and conversion rule to
// its article and to the code that applies it.
const statutesDoc = "../docs/statutes.md"

// TestStatutesDocListsEveryCode keeps docs/statutes.md complete: a reason
// code or conversion rule added to the tables without its row fails here,
// and the failure spells out the row to paste, so whoever merges new codes
// does not have to work out the article or the function by hand.
func TestStatutesDocListsEveryCode(t *testing.T) {
	b, err := os.ReadFile(statutesDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	where := emitters(t)
	for _, d := range reasonDefs {
		if strings.Contains(doc, "| `"+d.code+"` |") {
			continue
		}
		t.Errorf("docs/statutes.md has no row for reason code %s; add this row to the table of its procedure:\n%s",
			d.code, statutesRow(d.code, d.article, "—", where[d.code]))
	}
	for _, r := range allConversionRules {
		if strings.Contains(doc, "| `"+r.Rule+"` |") {
			continue
		}
		t.Errorf("docs/statutes.md has no row for conversion rule %s; add this row to the Conversions table:\n%s",
			r.Rule, statutesRow(r.Rule, r.Article, "— (record keeping)", where[r.Rule]))
	}
	for _, d := range outcomeReviewDefs {
		if strings.Contains(doc, "| `"+d.code+"` |") {
			continue
		}
		t.Errorf("docs/statutes.md has no row for outcome review code %s; add this row to the Conversions section's review table:\n%s",
			d.code, statutesRow(d.code, d.article, "—", where[d.code]))
	}
}

// statutesRow is a row of docs/statutes.md's tables: code, article, and the
// functions that emit the code.
func statutesRow(code, article, noArticle string, funcs []string) string {
	if article == "" {
		article = noArticle
	}
	impl := "`rules/<file>.go` `<function that emits it>`"
	if len(funcs) > 0 {
		impl = strings.Join(funcs, "; ")
	}
	return fmt.Sprintf("| `%s` | %s | %s |", code, article, impl)
}

// emitters maps each string constant of the package's non-test files to the
// functions that use it, as docs/statutes.md names them:
// "`rules/civil.go` `(*Engine).civil`".
func emitters(t *testing.T) map[string][]string {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
	}
	values := map[string]string{} // constant name → its string value
	for _, f := range files {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i >= len(vs.Values) {
						continue
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if v, err := strconv.Unquote(lit.Value); err == nil {
							values[n.Name] = v
						}
					}
				}
			}
		}
	}
	seen := map[string]map[string]bool{}
	for name, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn := "`rules/" + name + "` `" + funcName(fd) + "`"
			ast.Inspect(fd, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if v, ok := values[id.Name]; ok {
						if seen[v] == nil {
							seen[v] = map[string]bool{}
						}
						seen[v][fn] = true
					}
				}
				return true
			})
		}
	}
	out := map[string][]string{}
	for v, funcs := range seen {
		for f := range funcs {
			out[v] = append(out[v], f)
		}
		sort.Strings(out[v])
	}
	return out
}

// funcName is a function's name as docs/statutes.md writes it, with the
// receiver for methods: "(*Engine).civil".
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	switch r := fd.Recv.List[0].Type.(type) {
	case *ast.StarExpr:
		if id, ok := r.X.(*ast.Ident); ok {
			return "(*" + id.Name + ")." + fd.Name.Name
		}
	case *ast.Ident:
		return r.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// TestNoReferenceToTeamDesignDoc keeps the repository self-contained. The
// team's design page is not shipped, so a comment, message, rules file or
// decision source that points at it points nowhere for anyone with only the
// repository; what users and maintainers need of it lives in docs/. Only
// files outside docs/ are checked, as tracked by git (every file of the tree
// but .git when git is not available).
func TestNoReferenceToTeamDesignDoc(t *testing.T) {
	needle := []byte("design" + ".md") // split so this file does not match itself
	files, err := repoFiles("..")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no files found in the repository")
	}
	for _, rel := range files {
		if rel == "docs" || strings.HasPrefix(rel, "docs/") {
			continue
		}
		b, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(rel)))
		if errors.Is(err, fs.ErrNotExist) {
			continue // tracked but deleted in the working tree
		}
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range bytes.Split(b, []byte("\n")) {
			if bytes.Contains(line, needle) {
				t.Errorf("%s:%d refers to the team's design page, which is not in the repository; point at docs/ (statutes.md, small-claims-limits.md, architecture.md, law/) or state the statute or notice itself", rel, n+1)
			}
		}
	}
}

// repoFiles lists the repository's files below root, slash-separated and
// relative to it: git's tracked files when git can list them, else a walk of
// the tree that skips .git.
func repoFiles(root string) ([]string, error) {
	cmd := exec.Command("git", "ls-files", "-z")
	cmd.Dir = root
	if out, err := cmd.Output(); err == nil {
		var files []string
		dirs := map[string]bool{".": true}
		for _, f := range strings.Split(string(out), "\x00") {
			if f != "" {
				files = append(files, f)
				dirs[path.Dir(f)] = true
			}
		}
		// go test caches a passing result keyed on the files the test opened;
		// git's reads are not among them. Listing every directory makes a
		// file added later invalidate the cached pass.
		for d := range dirs {
			if _, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(d))); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
		return files, nil
	}
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == ".git" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	return files, err
}

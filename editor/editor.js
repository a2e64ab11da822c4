// Runs before anything else on the editor's page.
//
// `mkdocs serve` (./dev edit) adds a script to every page it serves that reloads the page after each
// rebuild. Every save in the editor changes a file and so causes a rebuild: the editor would reload
// under the writer's hands. Its `var livereload = …` cannot replace a read-only global, so it stays off
// here; the site's own pages, open in other tabs, still reload.
Object.defineProperty(window, "livereload", { value: function () {}, writable: false });

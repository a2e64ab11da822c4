// Checks the frontmatter of news items and plans against schemas/ while you type
// (VS Code extension unifiedjs.vscode-remark) or from the command line (npx remark news plans).
import remarkFrontmatter from "remark-frontmatter";
import remarkLintFrontmatterSchema from "remark-lint-frontmatter-schema";

export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, {
      schemas: {
        "./schemas/news.schema.json": ["./news/**/*.md"],
        "./schemas/plan.schema.json": ["./plans/**/*.md"],
      },
    }],
  ],
};

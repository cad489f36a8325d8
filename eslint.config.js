import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

const capabilities = ["refer", "match", "consent", "relationships", "cadence"];
// The flow runs one way; cadence reads relationship states, nothing else crosses.
const mayImport = { cadence: ["relationships"] };

const purity = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "Pure code takes time as an argument (`now`); Date.now() is forbidden in src/.",
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "Pure code takes time as an argument (`now`); argument-less new Date() is forbidden in src/.",
  },
  {
    selector: "CallExpression[callee.name='Date']",
    message: "Date() reads the clock; pure code takes time as an argument.",
  },
  {
    selector: "MemberExpression[object.name='Date'][property.value='now']",
    message: "Pure code takes time as an argument (`now`); Date.now() is forbidden in src/.",
  },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: "Results must be reproducible; Math.random is forbidden in src/.",
  },
  {
    // `import { z }` pulls all of zod into a bundle; the namespace import lets bundlers drop what is unused.
    selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier",
    message: 'Import zod as a namespace (`import * as z from "zod"`) so bundlers can tree-shake it.',
  },
  {
    // zod 4.0.0 hands out a default value itself, so a caller that changed one parsed result would change every later one.
    selector: "CallExpression[callee.property.name=/^(default|catch)$/] > :matches(ArrayExpression, ObjectExpression).arguments",
    message: "A list or object default is shared between parses: pass a function (`emptyList`, `() => [...]`).",
  },
  {
    selector: "TSEnumDeclaration",
    message: "Use z.enum; TypeScript enums are forbidden.",
  },
];

// Flat config replaces a rule wholesale when a later block sets it again, so every block repeats the Node ban.
const nodeModules = {
  regex: "^(node:|fs$|path$|os$|crypto$|url$|util$|child_process$|http$|https$|net$)",
  message: "src/ runs anywhere: no Node modules.",
};

const nodeGlobals = Object.keys(globals.node).filter((name) => !(name in globals.es2022));

export default defineConfig(
  { ignores: ["dist/", "docs/api/", "coverage/", "node_modules/", "test/.examples/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts"],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      "no-console": "error",
      "no-restricted-syntax": ["error", ...purity],
      "no-restricted-globals": ["error", ...nodeGlobals.map((name) => ({ name, message: "src/ runs anywhere: no Node globals." }))],
      "no-restricted-imports": ["error", { patterns: [nodeModules] }],
    },
  },
  {
    files: ["src/model/**/*.ts", "src/errors.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            nodeModules,
            {
              group: capabilities.flatMap((name) => [`./${name}/*`, `../${name}/*`, `../../${name}/*`]),
              message: "model/ and errors.ts are shared: they never import a capability.",
            },
          ],
        },
      ],
    },
  },
  ...capabilities.map((capability) => ({
    files: [`src/${capability}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            nodeModules,
            {
              group: capabilities
                .filter((other) => other !== capability && !(mayImport[capability] ?? []).includes(other))
                .flatMap((other) => [`../${other}/*`, `../../${other}/*`, `../../../${other}/*`]),
              message: "Capabilities import model/ and errors.ts, not each other (see DESIGN: the flow runs one way).",
            },
          ],
        },
      ],
    },
  })),
  {
    files: ["test/**/*.ts", "examples/**/*.ts", "scripts/**/*.{js,mjs}", "*.config.{js,ts}"],
    languageOptions: { globals: { ...globals.node } },
  },
);

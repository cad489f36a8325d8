import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import { useRoute } from "vitepress";
import { nextTick, onMounted, watch } from "vue";
import { drawDiagrams } from "./diagrams.js";
import { enhanceExamples } from "./examples.js";
import "./style.css";

const theme: Theme = {
  extends: DefaultTheme,
  setup() {
    const route = useRoute();
    const enhance = (): void => {
      void nextTick(() => {
        enhanceExamples(document);
        void drawDiagrams(document);
      });
    };
    onMounted(enhance);
    watch(() => route.path, enhance);
  },
};

export default theme;

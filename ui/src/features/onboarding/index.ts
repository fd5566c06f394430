export { FirstRunScreen } from "./components/FirstRunScreen";

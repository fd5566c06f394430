import { describe, expect, it } from "vitest";
import {
  inputFromForm,
  isHttpUrl,
  maskedKey,
  validateProviderForm,
  type ProviderFormValues,
} from "./providerForm";

const valid: ProviderFormValues = {
  name: "n1n",
  presetId: "n1n",
  baseUrl: "https://api.example.com",
  exactBaseUrl: false,
  auth: "bearer",
  extraHeaders: [],
  defaultModel: "",
};

describe("provider form", () => {
  it("accepts only absolute http(s) URLs", () => {
    expect(isHttpUrl("https://api.example.com/v1")).toBe(true);
    expect(isHttpUrl("http://127.0.0.1:8080")).toBe(true);
    expect(isHttpUrl("api.example.com")).toBe(false);
    expect(isHttpUrl("ftp://example.com")).toBe(false);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
  });

  it("reports missing name, bad URL and bad header names", () => {
    expect(validateProviderForm(valid, false)).toEqual({});
    expect(validateProviderForm({ ...valid, name: " ", baseUrl: "nope" }, false)).toEqual({
      name: "providers.form.errors.nameRequired",
      baseUrl: "providers.form.errors.baseUrlInvalid",
    });
    expect(
      validateProviderForm({ ...valid, extraHeaders: [{ name: "Bad Header", value: "x" }] }, false)
        .extraHeaders,
    ).toBeDefined();
  });

  it("needs no URL for the Offline demo", () => {
    expect(validateProviderForm({ ...valid, baseUrl: "" }, true)).toEqual({});
  });

  it("trims the input and drops empty header rows", () => {
    const input = inputFromForm({
      ...valid,
      name: " n1n ",
      extraHeaders: [
        { name: " X-Team ", value: "a" },
        { name: "", value: "" },
      ],
      defaultModel: " ",
    });
    expect(input).toMatchObject({
      name: "n1n",
      extraHeaders: [{ name: "X-Team", value: "a" }],
      defaultModel: undefined,
    });
  });

  it("masks keys to their last four characters", () => {
    expect(maskedKey("abcd")).toBe("•••• abcd");
  });
});

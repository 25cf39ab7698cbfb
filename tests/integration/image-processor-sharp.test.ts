import { describe, expect, it } from "vitest";
import { SharpImageProcessor } from "../../lib/images/sharp-image-processor";
import { getServices } from "../../lib/services";
import { describeImageProcessorContract } from "./contracts/image-processor-contract";

describeImageProcessorContract("SharpImageProcessor", async () => new SharpImageProcessor());

describe("the image processor in the services", () => {
  it("is the adapter the composition root builds", () => {
    expect(getServices().imageProcessor).toBeInstanceOf(SharpImageProcessor);
  });
});

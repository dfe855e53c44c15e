package io.github.camelscenario.example.server;

import java.util.List;

/**
 * The themed word lists the generated dataset draws from. Every text field of a generated asset is built from these
 * words, so text queries such as {@code cat}, {@code dragon} or {@code forest} find sensible assets.
 */
final class Vocabulary {

    static final List<String> SUBJECTS = List.of(
            "cat", "dog", "dragon", "fox", "owl", "wolf", "horse", "tiger", "rabbit", "whale",
            "knight", "wizard", "robot", "spaceship", "castle", "lighthouse", "samurai", "mermaid", "phoenix", "bear");

    static final List<String> PLACES = List.of(
            "forest", "desert", "ocean", "mountain", "city", "meadow", "cave", "beach", "jungle", "glacier",
            "space", "village");

    /** Background colour (RGB) of each place, so pictures of the same place look alike. */
    static final int[] PLACE_COLOURS = {
            0x2E6B30, 0xD8B56A, 0x1F5C99, 0x7D7F87, 0x5A5A66, 0x8CC265, 0x3A2F28, 0xE9D8A6, 0x1E7A3C, 0xCDE7F0,
            0x0B0B2A, 0xA0785A };

    static final List<String> STYLES = List.of(
            "watercolor", "pixel-art", "anime", "photorealistic", "oil-painting", "low-poly", "sketch", "cyberpunk",
            "isometric", "cinematic");

    static final List<String> COLOURS = List.of(
            "red", "blue", "green", "golden", "purple", "black", "white", "orange", "pink", "silver");

    /** Subject colour (RGB) for each colour word. */
    static final int[] COLOUR_VALUES = {
            0xD23C32, 0x3366E0, 0x33B04A, 0xE8B830, 0x8A3FC4, 0x1A1A1A, 0xF2F2F2, 0xF08A24, 0xF29BC4, 0xB8BEC8 };

    static final List<String> MOODS = List.of(
            "sunny", "misty", "night", "cozy", "epic", "stormy", "dreamy", "serene");

    static final List<String> ADJECTIVES = List.of(
            "ancient", "tiny", "majestic", "curious", "sleepy", "fierce", "friendly", "mysterious", "brave", "lonely");

    static final List<String> MODEL_TYPES = List.of("flux.1", "flux.1-lora", "sd-xl", "sd-xl-lora", "sd-1_5");

    static final List<String> SCHEDULERS = List.of(
            "EulerAncestralDiscreteScheduler", "DPMSolverMultistepScheduler", "LMSDiscreteScheduler",
            "FlowMatchEulerDiscreteScheduler");

    static final List<String> NEGATIVE_PROMPTS = List.of(
            "blurry, low quality, watermark", "text, signature, jpeg artifacts", "extra limbs, deformed hands",
            "oversaturated, noisy", "");

    /** Width x height pairs and their aspect ratio, weighted by how often they occur. */
    static final int[][] SIZES = {
            { 1024, 1024 }, { 1024, 1024 }, { 1024, 1024 }, { 512, 512 }, { 1344, 768 }, { 1344, 768 },
            { 768, 1344 }, { 1152, 896 }, { 896, 1152 }, { 1536, 640 }, { 2048, 2048 } };
    static final String[] SIZE_RATIOS = { "1:1", "1:1", "1:1", "1:1", "16:9", "16:9", "9:16", "4:3", "3:4", "21:9", "1:1" };

    static final String[] TYPES = {
            "inference-txt2img", "inference-txt2img", "inference-txt2img", "inference-txt2img", "inference-txt2img",
            "inference-txt2img", "inference-txt2img", "inference-img2img", "uploaded", "upscale",
            "background-removal" };

    private Vocabulary() {
    }
}

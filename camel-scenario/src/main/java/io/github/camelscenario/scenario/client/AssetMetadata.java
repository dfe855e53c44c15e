package io.github.camelscenario.scenario.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Generation metadata of an asset. {@code seed} is a string in the API, not a number. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AssetMetadata extends ExtensibleJson {

    private String aspectRatio;
    private String baseModelId;
    private String kind;
    private String modelId;
    private String modelType;
    private String name;
    private String negativePrompt;
    private String parentJobId;
    private String prompt;
    private String scheduler;
    private String seed;
    private String text;
    private String type;
    private Double guidance;
    private Double negativePromptStrength;
    private Integer numInferenceSteps;
    private Integer height;
    private Integer width;
    private Long size;
    private Thumbnail thumbnail;

    public String getAspectRatio() {
        return aspectRatio;
    }

    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public String getBaseModelId() {
        return baseModelId;
    }

    public void setBaseModelId(String baseModelId) {
        this.baseModelId = baseModelId;
    }

    /** image, video, 3d or audio. */
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getModelId() {
        return modelId;
    }

    public void setModelId(String modelId) {
        this.modelId = modelId;
    }

    public String getModelType() {
        return modelType;
    }

    public void setModelType(String modelType) {
        this.modelType = modelType;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public String getParentJobId() {
        return parentJobId;
    }

    public void setParentJobId(String parentJobId) {
        this.parentJobId = parentJobId;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getScheduler() {
        return scheduler;
    }

    public void setScheduler(String scheduler) {
        this.scheduler = scheduler;
    }

    public String getSeed() {
        return seed;
    }

    public void setSeed(String seed) {
        this.seed = seed;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Double getGuidance() {
        return guidance;
    }

    public void setGuidance(Double guidance) {
        this.guidance = guidance;
    }

    public Double getNegativePromptStrength() {
        return negativePromptStrength;
    }

    public void setNegativePromptStrength(Double negativePromptStrength) {
        this.negativePromptStrength = negativePromptStrength;
    }

    public Integer getNumInferenceSteps() {
        return numInferenceSteps;
    }

    public void setNumInferenceSteps(Integer numInferenceSteps) {
        this.numInferenceSteps = numInferenceSteps;
    }

    public Integer getHeight() {
        return height;
    }

    public void setHeight(Integer height) {
        this.height = height;
    }

    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Long getSize() {
        return size;
    }

    public void setSize(Long size) {
        this.size = size;
    }

    public Thumbnail getThumbnail() {
        return thumbnail;
    }

    public void setThumbnail(Thumbnail thumbnail) {
        this.thumbnail = thumbnail;
    }
}

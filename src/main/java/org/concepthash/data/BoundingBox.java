package org.concepthash.data;

/** An object bounding box in pixel coordinates of the original image. */
public record BoundingBox(double x, double y, double width, double height) {}

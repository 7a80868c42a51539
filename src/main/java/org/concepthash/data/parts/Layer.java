package org.concepthash.data.parts;

/**
 * One painted shape of a scene.
 *
 * @param part the bird part it belongs to, or null for background clutter
 */
record Layer(Part part, Shape shape, Paint paint) {}

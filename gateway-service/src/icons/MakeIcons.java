import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the web client's PNG icons (a plate with a check mark on the brand blue): run once with
 * {@code java gateway-service/src/icons/MakeIcons.java gateway-service/src/main/resources/static/icons}
 * and commit the result; nothing runs this at build time.
 */
public class MakeIcons {
    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : ".");
        dir.mkdirs();
        write(dir, "icon-192.png", 192, false);
        write(dir, "icon-512.png", 512, false);
        write(dir, "icon-maskable-512.png", 512, true);
    }

    static void write(File dir, String name, int size, boolean maskable) throws Exception {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color brand = new Color(0x1f, 0x3f, 0xa8);
        double s = size;
        g.setColor(brand);
        if (maskable) g.fillRect(0, 0, size, size);   // full bleed: the launcher crops its own shape
        else g.fill(new RoundRectangle2D.Double(0, 0, s, s, s * 0.22, s * 0.22));
        double scale = maskable ? 0.72 : 0.86;         // maskable icons keep their content in the central safe zone
        double w = s * 0.74 * scale, hgt = s * 0.30 * scale;
        double x = (s - w) / 2, y = s * 0.5 - hgt * 0.95;
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(x, y, w, hgt, hgt * 0.3, hgt * 0.3));
        g.setColor(new Color(0x00, 0x39, 0x99));
        g.fill(new RoundRectangle2D.Double(x, y, w * 0.12, hgt, hgt * 0.3, hgt * 0.3));
        g.setColor(brand);
        g.setStroke(new BasicStroke((float) (hgt * 0.08)));
        for (int i = 0; i < 3; i++) {
            double bx = x + w * (0.22 + i * 0.26);
            g.fill(new RoundRectangle2D.Double(bx, y + hgt * 0.3, w * 0.18, hgt * 0.4, hgt * 0.1, hgt * 0.1));
        }
        Path2D check = new Path2D.Double();
        double cx = s / 2, cy = s * 0.5 + s * 0.2 * scale;
        double k = s * 0.16 * scale;
        check.moveTo(cx - k, cy - k * 0.05);
        check.lineTo(cx - k * 0.3, cy + k * 0.6);
        check.lineTo(cx + k * 1.05, cy - k * 0.75);
        g.setColor(new Color(0x7d, 0xe0, 0x9a));
        g.setStroke(new BasicStroke((float) (s * 0.075 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(check);
        g.dispose();
        ImageIO.write(image, "png", new File(dir, name));
    }
}

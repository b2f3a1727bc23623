import { useRef, useState } from 'react';
import Taro, { useReady } from '@tarojs/taro';
import { Button, Canvas, Text, View } from '@tarojs/components';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH } from '../../draw';

// Taro renders a page through recursive templates up to its `baseLevel`
// (16 on WeChat), then through its recursive `comp` component. The Save
// button sits that deep, inside nested views, so a run goes through both.
function Nested({ depth, children }) {
  if (depth === 0) return children;
  return (
    <View className={`level-${depth}`}>
      <Nested depth={depth - 1}>{children}</Nested>
    </View>
  );
}

// A share poster on a Canvas 2D node: drawn at the device pixel ratio when
// the page is ready, exported and saved to the album on tap.
export default function Poster() {
  const canvas = useRef(null);
  const [saved, setSaved] = useState('');

  useReady(() => {
    Taro.createSelectorQuery()
      .select('#poster')
      .fields({ node: true, size: true })
      .exec((res) => {
        const node = res[0].node;
        const dpr = Taro.getWindowInfo().pixelRatio;
        node.width = res[0].width * dpr;
        node.height = res[0].height * dpr;
        const ctx = node.getContext('2d');
        ctx.scale(dpr, dpr);
        drawPoster(ctx, 'Taro 夏日海报');
        canvas.current = node;
      });
  });

  const save = async () => {
    const { tempFilePath } = await Taro.canvasToTempFilePath({
      canvas: canvas.current,
      fileType: 'png',
    });
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    setSaved(tempFilePath);
    Taro.showToast({ title: 'Saved to album' });
  };

  return (
    <View className="page">
      <Canvas
        type="2d"
        id="poster"
        style={{ width: `${POSTER_WIDTH}px`, height: `${POSTER_HEIGHT}px` }}
      />
      <Nested depth={16}>
        <Button id="save" onClick={save}>
          Save poster
        </Button>
      </Nested>
      {saved && <Text>{saved}</Text>}
    </View>
  );
}

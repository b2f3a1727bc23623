import { useLaunch } from '@tarojs/taro';

// The app renders its current page; nothing app-wide to set up.
function App({ children }) {
  useLaunch(() => {
    console.log('taro-poster launched');
  });
  return children;
}

export default App;

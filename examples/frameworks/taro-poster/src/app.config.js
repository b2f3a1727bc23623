export default {
  pages: ['pages/poster/index'],
  window: {
    navigationBarTitleText: 'Poster',
    navigationBarBackgroundColor: '#1e3c72',
    navigationBarTextStyle: 'white',
  },
};

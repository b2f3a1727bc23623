export default {
  navigationBarTitleText: 'Summer poster',
};

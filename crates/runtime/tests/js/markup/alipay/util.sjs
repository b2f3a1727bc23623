const double = (n) => n * 2;
export default { double };
